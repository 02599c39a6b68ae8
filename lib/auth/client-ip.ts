import { isIP } from "node:net";
import { env, type Env } from "@/lib/env";

// The address sign-in attempts are counted against. Next's route handlers and server actions are
// not given the socket's address; `next start` copies it into x-forwarded-for only when the client
// sent none, so without a proxy that overwrites the header nothing tells a real address from one
// the client made up. Believing it there would let an attacker take a fresh address for every
// guess (and escape every per-address limit), so unless TRUSTED_PROXY_IP_HEADER names the header
// the platform sets, every client is counted as one "unknown" address: the limits still hold,
// only for everyone together.

export const UNKNOWN_CLIENT = "unknown";

/** IPv4 (optionally with a port, as some proxies write it), or IPv6 (optionally in brackets, with a zone or port). */
function parseAddress(raw: string): { ip: string; version: 4 | 6 } | null {
  let value = raw.trim();
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(value);
  if (v4WithPort) value = v4WithPort[1]!;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  value = value.replace(/%.*$/, "").toLowerCase();
  const version = isIP(value);
  if (version === 4 || version === 6) return { ip: value, version };
  return null;
}

/** The eight 16-bit groups of an IPv6 address, a trailing dotted IPv4 part counted as two. */
function ipv6Groups(ip: string): number[] {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  const hex = dotted ? ip.slice(0, dotted.index) + [((+dotted[1]! << 8) | +dotted[2]!).toString(16), ((+dotted[3]! << 8) | +dotted[4]!).toString(16)].join(":") : ip;
  const [head, tail] = hex.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16));
}

/**
 * How an address is counted: an IPv4 address as itself; an IPv6 address by its /64, since one
 * subscriber is usually given a whole /64 and could otherwise use a new address for every guess.
 * An IPv4-mapped IPv6 address counts as the IPv4 address it maps.
 */
export function throttleKey(ip: string, version: 4 | 6): string {
  if (version === 4) return ip;
  const groups = ipv6Groups(ip);
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
}

/**
 * The client's address as the platform's proxy reports it, in the header TRUSTED_PROXY_IP_HEADER
 * names, or UNKNOWN_CLIENT. Of a list ("client, proxy1, proxy2") the last entry is taken: the one
 * the trusted proxy itself added (Vercel's header holds one entry, which it writes).
 */
export function clientAddress(headers: Headers, source: Pick<Env, "TRUSTED_PROXY_IP_HEADER"> = env): string {
  if (!source.TRUSTED_PROXY_IP_HEADER) return UNKNOWN_CLIENT;
  const value = headers.get(source.TRUSTED_PROXY_IP_HEADER);
  const last = value?.split(",").at(-1);
  const parsed = last ? parseAddress(last) : null;
  return parsed ? throttleKey(parsed.ip, parsed.version) : UNKNOWN_CLIENT;
}
