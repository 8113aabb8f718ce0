import { NhsValidationError } from "@nhskit/core";

/** A point on the map. Strings are sent exactly as given (useful to keep every digit of a coordinate). */
export interface LatLon {
  latitude: number | string;
  longitude: number | string;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

function coordinate(operation: string, value: unknown, name: string, limit: number): string {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !DECIMAL.test(text) || Math.abs(Number(text)) > limit) {
    throw new NhsValidationError(operation, [
      { path: name, message: `must be a decimal number from -${limit} to ${limit} (got ${JSON.stringify(value)})` },
    ]);
  }
  return text;
}

/**
 * The OData expression that orders results by distance from a point, nearest first:
 * `geo.distance(Geocode, geography'POINT(<longitude> <latitude>)')`. Pass it as `$orderby` (GET) or
 * `orderby` (POST). Note the order inside POINT: longitude first.
 */
export function geoDistance(point: LatLon, field = "Geocode"): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) {
    throw new NhsValidationError("geoDistance", [{ path: "field", message: "must be a field name such as Geocode" }]);
  }
  const latitude = coordinate("geoDistance", point?.latitude, "latitude", 90);
  const longitude = coordinate("geoDistance", point?.longitude, "longitude", 180);
  return `geo.distance(${field}, geography'POINT(${longitude} ${latitude})')`;
}

/** An OData string literal: `O'Grady` becomes `'O''Grady'`, safe to put inside a `$filter`. */
export function odataString(value: string): string {
  return `'${String(value).replace(/'/g, "''")}'`;
}
