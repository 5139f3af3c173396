// src/batch/channel.ts
// A bounded queue between one producer and one consumer: push() waits while the queue is full,
// so a WARC file read faster than its records can be written holds only `capacity` records.

export class Channel<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private closed = false;
  private wakeConsumer: (() => void) | undefined;
  private wakeProducer: (() => void) | undefined;

  constructor(private readonly capacity: number) {}

  async push(item: T): Promise<void> {
    while (this.items.length >= this.capacity) await new Promise<void>((resolve) => (this.wakeProducer = resolve));
    this.items.push(item);
    this.wakeConsumer?.();
  }

  close(): void {
    this.closed = true;
    this.wakeConsumer?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      const item = this.items.shift();
      if (item !== undefined) {
        this.wakeProducer?.();
        yield item;
        continue;
      }
      if (this.closed) return;
      await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
    }
  }
}
