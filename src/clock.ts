/** Time as SEC sees it: integer epoch seconds (TM-clock). Only app.ts uses the system clock. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Math.floor(Date.now() / 1000) };

/** A clock that moves only when told to: tests, --notail replays and golden scenarios. */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: number) {
    this.#now = Math.floor(start);
  }

  now(): number {
    return this.#now;
  }

  set(time: number): void {
    this.#now = Math.floor(time);
  }

  advance(seconds: number): void {
    this.#now += Math.floor(seconds);
  }
}
