/** A schedule could not be saved or changed; the message says what the agent can do. */
export class ScheduleError extends Error {}

export class InvalidTimeZone extends ScheduleError {
  constructor(timeZone: string) {
    super(
      `The organisation's time zone "${timeZone}" is not one we know; set an IANA name such as Europe/Berlin.`,
    );
  }
}
