import { describe, expect, it } from "vitest";
import { clientAddress, throttleKey, UNKNOWN_CLIENT } from "./client-ip";

const trusted = { TRUSTED_PROXY_IP_HEADER: "x-forwarded-for" };
const untrusted = { TRUSTED_PROXY_IP_HEADER: undefined };
const headers = (value: string, name = "x-forwarded-for") => new Headers({ [name]: value });

describe("the client's address, with no trusted proxy header configured", () => {
  it("ignores whatever address the client claims", () => {
    expect(clientAddress(headers("203.0.113.7"), untrusted)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(headers("203.0.113.7", "x-real-ip"), untrusted)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(new Headers(), untrusted)).toBe(UNKNOWN_CLIENT);
  });
});

describe("the client's address, behind a proxy whose header is trusted", () => {
  it("is read from that header only", () => {
    expect(clientAddress(headers("203.0.113.7"), trusted)).toBe("203.0.113.7");
    expect(clientAddress(headers("203.0.113.7", "x-real-ip"), trusted)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(headers("203.0.113.7", "x-real-ip"), { TRUSTED_PROXY_IP_HEADER: "x-real-ip" })).toBe("203.0.113.7");
  });

  it("takes the entry the proxy added last, not one the client put first", () => {
    expect(clientAddress(headers("10.9.9.9, 198.51.100.4"), trusted)).toBe("198.51.100.4");
    expect(clientAddress(headers("1.1.1.1,  198.51.100.4 "), trusted)).toBe("198.51.100.4");
  });

  it("is unknown when the header holds no address", () => {
    for (const junk of ["", "unknown", "not an ip", "999.1.1.1", "203.0.113.7, ", "<script>"]) {
      expect(clientAddress(headers(junk), trusted)).toBe(UNKNOWN_CLIENT);
    }
    expect(clientAddress(new Headers(), trusted)).toBe(UNKNOWN_CLIENT);
  });

  it("drops a port and brackets", () => {
    expect(clientAddress(headers("203.0.113.7:51234"), trusted)).toBe("203.0.113.7");
    expect(clientAddress(headers("[2001:db8::1]:443"), trusted)).toBe("2001:db8:0:0::/64");
  });

  it("counts IPv6 addresses by their /64, in whatever form they are written", () => {
    const forms = ["2001:db8:aa:bb::1", "2001:0db8:00aa:00bb:ffff:1:2:3", "2001:DB8:AA:BB:0:0:0:9"];
    expect(new Set(forms.map((ip) => clientAddress(headers(ip), trusted)))).toEqual(new Set(["2001:db8:aa:bb::/64"]));
    expect(clientAddress(headers("2001:db8:aa:bc::1"), trusted)).toBe("2001:db8:aa:bc::/64");
    expect(clientAddress(headers("fe80::1%eth0"), trusted)).toBe("fe80:0:0:0::/64");
  });

  it("counts an IPv4-mapped IPv6 address as the IPv4 address", () => {
    expect(clientAddress(headers("::ffff:203.0.113.7"), trusted)).toBe("203.0.113.7");
    expect(throttleKey("::ffff:cb00:7107", 6)).toBe("203.0.113.7");
  });
});
