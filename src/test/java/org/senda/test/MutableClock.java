package org.senda.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock tests can move forward (lockouts expiring, TOTP steps, deadlines falling due) or set. */
public class MutableClock extends Clock {

  private volatile Instant instant;
  private final ZoneId zone;
  private volatile boolean ticking = true;
  private final Clock base;

  MutableClock(Clock base) {
    this.base = base;
    this.zone = ZoneId.of("Europe/London");
    this.instant = base.instant();
  }

  /** Stops the clock at a moment; {@link #resume()} makes it tick with real time again. */
  public void setTo(Instant moment) {
    this.instant = moment;
    this.ticking = false;
  }

  public void advance(Duration duration) {
    this.instant = instant().plus(duration);
    this.ticking = false;
  }

  public void resume() {
    this.ticking = true;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    return ticking ? base.instant() : instant;
  }
}
