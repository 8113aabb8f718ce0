import { describe, expect, it } from "vitest";
import {
  assertNhsNumber,
  isValidNhsNumber,
  NhsNumberError,
  NhsValidationError,
  normalizeNhsNumber,
} from "../src/index.js";

// Reference check digits computed by hand from the rule (weights 10..2, 11 - sum mod 11).
describe("NHS numbers", () => {
  it.each([
    "9000000009",
    "9000000017",
    "9000000025",
    "9000000033",
    "9111231130",
    "9693632109",
    "5182663366",
    "9434765919",
  ])("accepts %s", (n) => expect(isValidNhsNumber(n)).toBe(true));

  it.each([
    ["9000000000", "wrong check digit"],
    ["9000000001", "wrong check digit"],
    ["123456789", "nine digits"],
    ["12345678901", "eleven digits"],
    ["900000000a", "a letter"],
    ["0500000000", "check value 10 is never valid"],
  ])("rejects %s (%s)", (n) => expect(isValidNhsNumber(n)).toBe(false));

  it("rejects non-strings", () => {
    expect(isValidNhsNumber(9000000009)).toBe(false);
    expect(isValidNhsNumber(undefined)).toBe(false);
  });

  it("throws NhsNumberError naming the bad value", () => {
    expect(() => assertNhsNumber("getPatient", "9000000000")).toThrow(NhsNumberError);
    try {
      assertNhsNumber("getPatient", "9000000000");
    } catch (error) {
      expect(error).toBeInstanceOf(NhsValidationError);
      expect((error as NhsNumberError).value).toBe("9000000000");
      expect((error as Error).message).toBe(
        'Invalid input for getPatient, nothing was sent. nhsNumber: "9000000000" fails the NHS number check digit (modulus 11)',
      );
    }
    expect(() => assertNhsNumber("x", "12")).toThrow(/"12" must be 10 digits \(it has 2\)/);
  });

  it("normalises spaces and dashes", () => {
    expect(normalizeNhsNumber("943 476 5919")).toBe("9434765919");
    expect(normalizeNhsNumber("943-476-5919")).toBe("9434765919");
  });
});
