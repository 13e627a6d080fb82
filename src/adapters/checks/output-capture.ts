/**
 * A command's output as it comes, capped: the first half of `keepBytes` and the last half are
 * kept, what lies between is counted and left out. Past `ceilingBytes` in all, it is over.
 */
export class OutputCapture {
  private readonly half: number;
  private readonly ceilingBytes: number;
  private head = Buffer.alloc(0);
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private total = 0;

  constructor(limits: { keepBytes: number; ceilingBytes: number }) {
    this.half = Math.max(1, Math.floor(limits.keepBytes / 2));
    this.ceilingBytes = limits.ceilingBytes;
  }

  /** Takes a chunk; false once the output has passed its ceiling. */
  add(chunk: Buffer): boolean {
    this.total += chunk.length;
    const headRoom = this.half - this.head.length;
    if (headRoom > 0) this.head = Buffer.concat([this.head, chunk.subarray(0, headRoom)]);
    const rest = headRoom > 0 ? chunk.subarray(headRoom) : chunk;
    if (rest.length > 0) this.keepTail(rest);
    return this.total <= this.ceilingBytes;
  }

  /** More came than was kept. */
  get truncated(): boolean {
    return this.total > this.head.length + this.tailBytes;
  }

  /** The kept output, with a line saying how much was left out between its start and its end. */
  text(): string {
    const tail = Buffer.concat(this.tail);
    if (!this.truncated) return Buffer.concat([this.head, tail]).toString("utf8");
    const omitted = this.total - this.head.length - tail.length;
    return `${this.head.toString("utf8")}\n[… ${omitted} bytes of output left out …]\n${tail.toString("utf8")}`;
  }

  private keepTail(chunk: Buffer): void {
    this.tail.push(chunk);
    this.tailBytes += chunk.length;
    while (this.tail.length > 0 && this.tailBytes - (this.tail[0]?.length ?? 0) >= this.half) {
      this.tailBytes -= this.tail.shift()?.length ?? 0;
    }
    if (this.tailBytes > this.half) {
      const joined = Buffer.concat(this.tail).subarray(this.tailBytes - this.half);
      this.tail = [joined];
      this.tailBytes = joined.length;
    }
  }
}
