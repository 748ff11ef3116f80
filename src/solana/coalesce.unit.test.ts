import { describe, expect, it } from "vitest";
import { singleFlight } from "./coalesce";

const wait = { timeoutMs: 1000, onTimeout: () => new Error("gave up") };

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("singleFlight", () => {
  it("runs identical concurrent work once and gives every caller the answer", async () => {
    let runs = 0;
    const gate = deferred<string>();
    const work = () => {
      runs++;
      return gate.promise;
    };
    const callers = Array.from({ length: 100 }, () => singleFlight("same", work, wait));
    gate.resolve("answer");
    expect(await Promise.all(callers)).toEqual(Array(100).fill("answer"));
    expect(runs).toBe(1);
    // Once landed, the next call runs the work again.
    await singleFlight("same", () => Promise.resolve("again"), wait).then((value) => expect(value).toBe("again"));
  });

  it("lets one caller give up without failing the others", async () => {
    const gate = deferred<number>();
    const quitter = new AbortController();
    const first = singleFlight("abandon", () => gate.promise, { ...wait, signal: quitter.signal });
    const second = singleFlight("abandon", () => Promise.resolve(0), wait);
    quitter.abort(new Error("client went away"));
    await expect(first).rejects.toThrow("client went away");
    gate.resolve(42);
    await expect(second).resolves.toBe(42);
  });

  it("shares a failure, and stops waiting after its timeout", async () => {
    const failing = singleFlight("fails", () => Promise.reject(new Error("upstream down")), wait);
    await expect(failing).rejects.toThrow("upstream down");
    const never = singleFlight("hangs", () => new Promise<never>(() => {}), {
      timeoutMs: 20,
      onTimeout: () => new Error("gave up"),
    });
    await expect(never).rejects.toThrow("gave up");
  });
});
