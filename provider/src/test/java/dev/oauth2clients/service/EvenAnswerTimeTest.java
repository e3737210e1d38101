package dev.oauth2clients.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EvenAnswerTimeTest {

  private static final long MS = 1_000_000L;
  private static final long WINDOW = EvenAnswerTime.WINDOW.toNanos();

  private final AtomicLong now = new AtomicLong(5 * WINDOW);
  private final EvenAnswerTime answerTime = new EvenAnswerTime(now::get);

  @Test
  void quickReportsAllTakeTheFloor() {
    answerTime.took(3 * MS);
    answerTime.took(12 * MS);
    assertEquals(EvenAnswerTime.FLOOR.toNanos(), answerTime.answerNanos());
  }

  @Test
  void aSlowReportMakesEveryAnswerAsSlowWithAMargin() {
    answerTime.took(80 * MS);
    answerTime.took(5 * MS);
    assertEquals(100 * MS, answerTime.answerNanos());
  }

  @Test
  void theSlowestIsRememberedForAtLeastAWindowAndForgottenAfterTwo() {
    answerTime.took(80 * MS);
    now.addAndGet(WINDOW + MS);
    assertEquals(100 * MS, answerTime.answerNanos(), "the window before still counts");
    answerTime.took(40 * MS);
    now.addAndGet(WINDOW);
    assertEquals(50 * MS, answerTime.answerNanos(), "the oldest window is gone");
    now.addAndGet(2 * WINDOW);
    assertEquals(EvenAnswerTime.FLOOR.toNanos(), answerTime.answerNanos());
  }

  @Test
  void noAnswerWaitsLongerThanTheCeiling() {
    answerTime.took(Duration.ofSeconds(30).toNanos());
    assertEquals(EvenAnswerTime.CEILING.toNanos(), answerTime.answerNanos());
  }

  @Test
  void theAnswerWaitsFromTheReportsArrival() {
    long arrived = now.get();
    now.addAndGet(30 * MS);
    long before = System.nanoTime();
    answerTime.waitFrom(arrived);
    assertEquals(0, (System.nanoTime() - before) / (20 * MS), "no wait once the time has passed");
  }
}
