package dev.oauth2clients.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Everything the benchmark prints, also written to a file, so that the documentation can quote a
 * run as it was printed.
 */
final class Transcript implements AutoCloseable {

  private final PrintStream console;
  private final OutputStream file;

  private Transcript(PrintStream console, OutputStream file) {
    this.console = console;
    this.file = file;
  }

  /** From now on until {@link #close()}, {@code System.out} goes to the console and the file. */
  static Transcript teeTo(Path path) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    Transcript transcript = new Transcript(System.out, Files.newOutputStream(path));
    System.setOut(
        new PrintStream(
            new Tee(transcript.console, transcript.file), true, StandardCharsets.UTF_8));
    return transcript;
  }

  @Override
  public void close() throws IOException {
    System.out.flush();
    System.setOut(console);
    file.close();
  }

  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      first.write(bytes, offset, length);
      second.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
      second.flush();
    }
  }
}
