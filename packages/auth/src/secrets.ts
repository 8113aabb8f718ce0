/** The secret values a strategy has held, for core to scrub; bounded so a long-lived process does not grow it. */
export class SecretRing {
  private readonly fixed: string[];
  private readonly recent: string[] = [];

  constructor(
    fixed: ReadonlyArray<string | undefined>,
    private readonly size = 8,
  ) {
    this.fixed = fixed.filter((v): v is string => typeof v === "string" && v.length > 0);
  }

  add(value: string): void {
    if (!value || this.recent.includes(value)) return;
    this.recent.push(value);
    if (this.recent.length > this.size) this.recent.shift();
  }

  values(): readonly string[] {
    return [...this.fixed, ...this.recent];
  }
}
