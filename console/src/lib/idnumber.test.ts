import { describe, expect, it } from "vitest";
import { validIdNumber } from "./idnumber";

describe("validIdNumber", () => {
  it("accepts a number whose check character matches, as the service does", () => {
    expect(validIdNumber("11010519491231002X")).toBe(true);
    expect(validIdNumber(" 11010519491231002x ")).toBe(true);
  });
  it("refuses a wrong check character, a short number and an impossible birth date", () => {
    expect(validIdNumber("110105194912310021")).toBe(false);
    expect(validIdNumber("41150219900101")).toBe(false);
    expect(validIdNumber("411502199002300014")).toBe(false);
  });
});
