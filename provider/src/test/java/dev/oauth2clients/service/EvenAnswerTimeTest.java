package dev.oauth2clients.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EvenAnswerTimeTest {

  private static final long MS = 1_000_000L;
  private static final long FLOOR = EvenAnswerTime.FLOOR.toNanos();
  private static final long RECENT = EvenAnswerTime.RECENT.toNanos();

  private final AtomicLong now = new AtomicLong(-7 * RECENT);
  private final EvenAnswerTime answerTime = new EvenAnswerTime(now::get);

  @Test
  void withoutRevocationsEveryAnswerTakesTheFloor() {
    assertEquals(FLOOR, answerTime.answerNanos());
    answerTime.took(900 * MS, 0);
    assertEquals(FLOOR, answerTime.answerNanos(), "a slow miss has nothing to hide");
  }

  @Test
  void aReportOfManyLiveSecretsDoesNotSetTheTime() {
    answerTime.took(600 * MS, EvenAnswerTime.MOST_HIDDEN + 1);
    assertEquals(FLOOR, answerTime.answerNanos());
    answerTime.took(80 * MS, EvenAnswerTime.MOST_HIDDEN);
    assertEquals(100 * MS, answerTime.answerNanos());
  }

  @Test
  void quickRevocationsLeaveTheFloor() {
    answerTime.took(3 * MS, 1);
    answerTime.took(20 * MS, 1);
    assertEquals(FLOOR, answerTime.answerNanos());
  }

  @Test
  void aSlowRevocationMakesEveryAnswerAsSlowWithAMargin() {
    answerTime.took(80 * MS, 1);
    answerTime.took(5 * MS, 0);
    assertEquals(100 * MS, answerTime.answerNanos());
  }

  @Test
  void theNinetiethPercentileOfRecentRevocationsSetsTheTime() {
    for (int i = 1; i <= 20; i++) {
      answerTime.took(i * 4 * MS, 1);
    }
    assertEquals(90 * MS, answerTime.answerNanos(), "the 18th of 20 (72 ms), with a quarter more");
    answerTime.took(1_000 * MS, 1);
    assertEquals(95 * MS, answerTime.answerNanos(), "one pause moves the time one rank only");
  }

  @Test
  void onlyTheLastSamplesAreKept() {
    answerTime.took(400 * MS, 1);
    for (int i = 0; i < EvenAnswerTime.SAMPLES; i++) {
      answerTime.took(40 * MS, 1);
    }
    assertEquals(50 * MS, answerTime.answerNanos());
  }

  @Test
  void revocationsAreForgottenAfterAMinute() {
    answerTime.took(80 * MS, 1);
    now.addAndGet(RECENT - MS);
    assertEquals(100 * MS, answerTime.answerNanos(), "still recent");
    answerTime.took(40 * MS, 1);
    now.addAndGet(2 * MS);
    assertEquals(50 * MS, answerTime.answerNanos(), "the older one is gone");
    now.addAndGet(RECENT);
    assertEquals(FLOOR, answerTime.answerNanos());
  }

  @Test
  void noAnswerWaitsLongerThanTheCeiling() {
    answerTime.took(Duration.ofSeconds(30).toNanos(), 1);
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
