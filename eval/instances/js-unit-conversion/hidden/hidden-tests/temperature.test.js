import { test } from "node:test";
import assert from "node:assert/strict";
import { convert } from "../src/convert.js";

const close = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

test("celsius and fahrenheit", () => {
  close(convert(0, "C", "F"), 32);
  close(convert(100, "C", "F"), 212);
  close(convert(98.6, "F", "C"), 37);
  close(convert(-40, "F", "C"), -40);
});

test("kelvin", () => {
  close(convert(0, "C", "K"), 273.15);
  close(convert(0, "K", "F"), -459.67);
  close(convert(300, "K", "C"), 26.85);
});

test("round trips", () => {
  for (const value of [-273.15, -12.5, 0, 21, 1000]) {
    close(convert(convert(value, "C", "F"), "F", "C"), value);
    close(convert(convert(value, "C", "K"), "K", "C"), value);
  }
});
