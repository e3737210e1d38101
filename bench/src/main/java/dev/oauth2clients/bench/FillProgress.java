package dev.oauth2clients.bench;

/**
 * Tells, every tenth of a long fill, how far it got and how fast the last tenth went: creates that
 * slowed down as the realm grows would show here.
 */
final class FillProgress {

  private static final int QUIET_BELOW = 1000;

  private final int total;
  private final long started = System.nanoTime();
  private long tenthStarted = started;
  private int done;

  FillProgress(int total) {
    this.total = total;
  }

  synchronized void oneMore() {
    done++;
    if (total >= QUIET_BELOW && done % (total / 10) == 0) {
      long now = System.nanoTime();
      System.out.println(
          Text.format(
              "  filling a realm: %d of %d clients created, %.0f/s in the last tenth, %.0f/s in all",
              done,
              total,
              (total / 10) / ((now - tenthStarted) / 1e9),
              done / ((now - started) / 1e9)));
      tenthStarted = now;
    }
  }
}
