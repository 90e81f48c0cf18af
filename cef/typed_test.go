package cef

import (
	"bufio"
	"errors"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseInt(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"0", 0, true}, {"1232", 1232, true}, {"010", 10, true}, {"08", 8, true},
		{"3000000000", 3000000000, true}, // bytes over 2^31 (in, out, fsize)
		{"-5", -5, true}, {"+5", 5, true}, {" 443 ", 443, true},
		{"9223372036854775807", 9223372036854775807, true},
		{"-9223372036854775808", -9223372036854775808, true},
		{"9223372036854775808", 0, false}, {"99999999999999999999", 0, false},
		{"0x1BB", 0, false}, {"", 0, false}, {"-", 0, false}, {"1.5", 0, false}, {"1 2", 0, false},
	} {
		got, err := ParseInt(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseInt(%q) = %d, %v", tt.in, got, err)
		}
		if err != nil && !errors.Is(err, ErrValue) {
			t.Errorf("ParseInt(%q) error %v is not ErrValue", tt.in, err)
		}
	}
}

func TestParseFloat(t *testing.T) {
	for in, want := range map[string]float64{"1.5": 1.5, " -2e3 ": -2000, "0": 0} {
		if got, err := ParseFloat(in); err != nil || got != want {
			t.Errorf("ParseFloat(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseFloat("x"); !errors.Is(err, ErrValue) {
		t.Errorf("ParseFloat(x) = %v", err)
	}
}

var ipTests = []string{
	"10.0.0.1", "0.0.0.0", "255.255.255.255", "192.168.001.1", "256.0.0.1", "1.2.3", "1.2.3.4.5", "1..2.3", "1.2.3.4.",
	"::", "::1", "2001:db8::1", "2001:db8:0:0:0:0:2:1", "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "fe80::1%eth0",
	"::ffff:192.0.2.1", "64:ff9b::192.0.2.33", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "::1:2:3:4:5:6:7",
	"1:2:3:4:5:6:7:8::", "12345::", ":1", "1:", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.4",
	"not-an-ip", "", "1.2.3.4 ", "2001:DB8::A",
}

func TestParseIP(t *testing.T) {
	for _, in := range ipTests {
		got, err := ParseIP(in)
		want, werr := netip.ParseAddr(strings.TrimSpace(in))
		if werr == nil && want.Zone() != "" {
			werr = errors.New("zones are not read") // ParseIP refuses zones on purpose
		}
		if (err == nil) != (werr == nil) || (err == nil && got != want) {
			t.Errorf("ParseIP(%q) = %v, %v; netip says %v, %v", in, got, err, want, werr)
		}
	}
}

// FuzzParseIP checks the hand-written reader against netip.ParseAddr.
func FuzzParseIP(f *testing.F) {
	for _, in := range ipTests {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ParseIP(in)
		want, werr := netip.ParseAddr(in)
		if werr == nil && want.Zone() != "" {
			return
		}
		if strings.TrimSpace(in) != in {
			return // ParseIP ignores surrounding white space, netip does not
		}
		if (err == nil) != (werr == nil) || (err == nil && got != want) {
			t.Fatalf("ParseIP(%q) = %v, %v; netip says %v, %v", in, got, err, want, werr)
		}
	})
}

func TestParseMAC(t *testing.T) {
	want := MAC{0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e}
	for _, in := range []string{"00:1a:2b:3c:4d:5e", "00-1A-2B-3C-4D-5E", "001a.2b3c.4d5e", "001A2B3C4D5E", " 00:1a:2b:3c:4d:5e "} {
		got, err := ParseMAC(in)
		if err != nil || got != want {
			t.Errorf("ParseMAC(%q) = %v, %v", in, got, err)
		}
	}
	if want.String() != "00:1a:2b:3c:4d:5e" {
		t.Errorf("String = %s", want)
	}
	for _, in := range []string{"", "00:1a:2b:3c:4d", "00:1a-2b:3c:4d:5e", "00:1a:2b:3c:4d:5g", "001a:2b3c:4d5e", "00.1a.2b.3c.4d.5e", "0:1a:2b:3c:4d:5e:"} {
		if _, err := ParseMAC(in); !errors.Is(err, ErrValue) {
			t.Errorf("ParseMAC(%q) = %v", in, err)
		}
	}
}

func TestParseTime(t *testing.T) {
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skip(err)
	}
	o := TimeOptions{Now: now}
	for _, tt := range []struct {
		in   string
		o    TimeOptions
		want string
	}{
		{"1720083828000", o, "2024-07-04T09:03:48Z"},
		{"1720083828000.5", o, "2024-07-04T09:03:48.0005Z"},
		{"Jul 04 2024 09:03:48", o, "2024-07-04T09:03:48Z"},
		{"Jul 04 2024 09:03:48.123", o, "2024-07-04T09:03:48.123Z"},
		{"Jul 04 2024 09:03:48 GMT-07:00", o, "2024-07-04T09:03:48-07:00"},
		{"Jul 04 2024 09:03:48.123 PST", o, "2024-07-04T09:03:48.123-08:00"},
		{"Jul 04 2024 09:03:48 +0530", o, "2024-07-04T09:03:48+05:30"},
		{"Jul 04 09:03:48", o, "2026-07-04T09:03:48Z"},
		{"Dec 31 23:59:59", TimeOptions{Now: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}, "2025-12-31T23:59:59Z"},
		{"Jul 04 09:03:48", TimeOptions{Year: 2019, Now: now}, "2019-07-04T09:03:48Z"},
		{"Feb 29 10:00:00", TimeOptions{Now: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)}, "2024-02-29T10:00:00Z"},
		{"Jul 04 2024 09:03:48", TimeOptions{Location: tokyo}, "2024-07-04T09:03:48+09:00"},
		{"2024-07-04T09:03:48Z", o, "2024-07-04T09:03:48Z"},
		{"2024-07-04T09:03:48.5+02:00", o, "2024-07-04T09:03:48.5+02:00"},
		{" Jul 04 2024 09:03:48 ", o, "2024-07-04T09:03:48Z"},
	} {
		got, err := ParseTime(tt.in, tt.o)
		if err != nil || got.Format(time.RFC3339Nano) != tt.want {
			t.Errorf("ParseTime(%q) = %v, %v; want %s", tt.in, got.Format(time.RFC3339Nano), err, tt.want)
		}
	}
	for _, in := range []string{"", "yesterday", "Jul 04 2024", "Feb 29 2023 00:00:00", "Jul 04 2024 09:03:48 IST", "3/30/2022 10:55:34 AM", "17200838280001720083828000"} {
		if _, err := ParseTime(in, o); !errors.Is(err, ErrValue) {
			t.Errorf("ParseTime(%q) = %v, want ErrValue", in, err)
		}
	}
	// A given year is used as it is, even where February 29 is not a date.
	if _, err := ParseTime("Feb 29 10:00:00", TimeOptions{Year: 2026, Now: now}); !errors.Is(err, ErrValue) {
		t.Errorf("Feb 29 with the year 2026 given: %v, want ErrValue", err)
	}
}

func TestEventTypedAccess(t *testing.T) {
	e, err := Parse([]byte(`CEF:0|a|b|c|d|e|5|src=10.0.0.1  spt=010 in=3000000000 smac=00-1A-2B-3C-4D-5E cfp1=2.5 rt=Jul 04 2024 09:03:48 dst=nope`))
	if err != nil {
		t.Fatal(err)
	}
	if a, err := e.IP("src"); err != nil || a.String() != "10.0.0.1" {
		t.Errorf("IP(src) = %v, %v (the value keeps a trailing space)", a, err)
	}
	if n, err := e.Int("spt"); err != nil || n != 10 {
		t.Errorf("Int(spt) = %d, %v", n, err)
	}
	if n, err := e.Int("in"); err != nil || n != 3000000000 {
		t.Errorf("Int(in) = %d, %v", n, err)
	}
	if m, err := e.MAC("smac"); err != nil || m.String() != "00:1a:2b:3c:4d:5e" {
		t.Errorf("MAC = %v, %v", m, err)
	}
	if f, err := e.Float("cfp1"); err != nil || f != 2.5 {
		t.Errorf("Float = %v, %v", f, err)
	}
	if tm, err := e.Time("rt", TimeOptions{}); err != nil || tm.Format(time.DateTime) != "2024-07-04 09:03:48" {
		t.Errorf("Time = %v, %v", tm, err)
	}
	if _, err := e.IP("dst"); !errors.Is(err, ErrValue) {
		t.Errorf("IP(dst) = %v", err)
	}
	if v, _ := e.Get("dst"); v != "nope" {
		t.Error("a value that does not fit changed")
	}
	if _, err := e.Int("nothere"); !errors.Is(err, ErrNoKey) {
		t.Errorf("missing key: %v", err)
	}
}

func TestLookup(t *testing.T) {
	for _, tt := range []struct {
		name, want string
		typ        Type
	}{
		{"src", "src", TypeIPv4}, {"SRC", "src", TypeIPv4}, {"sourceAddress", "src", TypeIPv4}, {"SOURCEADDRESS", "src", TypeIPv4},
		{"in", "in", TypeInteger}, {"bytesIn", "in", TypeInteger},
		{"rt", "rt", TypeTimestamp}, {"deviceReceiptTime", "rt", TypeTimestamp},
		{"cn1", "cn1", TypeLong}, {"cfp1", "cfp1", TypeDouble}, {"c6a1", "c6a1", TypeIPv6}, {"agt", "agt", TypeIP},
		{"smac", "smac", TypeMAC}, {"dvcmac", "dvcmac", TypeMAC},
		{"deviceMacAddress", "dvcmac", TypeMAC},       // v27 gives it to dmac by mistake
		{"destinationMacAddress", "dmac", TypeMAC},    // dmac's meaning in every reader
		{"flexString2Label", "flexString2Label", 0},   // v27 also gives flexString1Label that full name
		{"flexString1Label", "flexString1Label", 0},   // found by its short name
		{"c6a2", "c6a2", TypeIP},                      // a v25 key v27 lost
		{"agentZoneKey", "agentZoneKey", TypeInteger}, // CEF 1.2
		{"Agent Zone Key", "agentZoneKey", TypeInteger},
		{"DeviceOutboundInterface", "deviceOutboundInterface", TypeString},
	} {
		k, ok := Lookup(tt.name)
		if !ok || k.Name != tt.want || k.Type != tt.typ {
			t.Errorf("Lookup(%q) = %+v, %v; want %s (%v)", tt.name, k, ok, tt.want, tt.typ)
		}
		if kb, _ := Lookup([]byte(tt.name)); kb != k {
			t.Errorf("Lookup of bytes and of a string differ for %q", tt.name)
		}
	}
	for _, name := range []string{"", "nope", "sr", "srcx", "ad.EventRecordID"} {
		if k, ok := Lookup(name); ok {
			t.Errorf("Lookup(%q) found %+v", name, k)
		}
	}
}

// TestDictionaryComplete checks the generated table against the reference's
// Appendix A when the project's shared material is beside the repository:
// every row is a key, found by its short name with the row's type.
func TestDictionaryComplete(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "shared", "reference", "cef.md"))
	if err != nil {
		t.Skip("no shared reference beside the repository:", err)
	}
	defer f.Close()
	rows, in := 0, false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "## Appendix A") {
			in = true
		}
		if !in || !strings.HasPrefix(line, "| `") {
			continue
		}
		rows++
		cells := strings.Split(strings.Trim(line, "|"), "|")
		name := strings.Trim(strings.TrimSpace(cells[0]), "`")
		typ := strings.TrimSpace(cells[2])
		k, ok := Lookup(name)
		if !ok || k.Name != name {
			t.Errorf("%s: Lookup = %+v, %v", name, k, ok)
			continue
		}
		if typ != "—" && k.Type.String() != typ {
			t.Errorf("%s: type %v, the table says %s", name, k.Type, typ)
		}
	}
	if n := len(dictionary); rows != n || n != 183 {
		t.Errorf("%d rows in the reference, %d keys in the table", rows, n)
	}
}

func TestKeyCheck(t *testing.T) {
	for _, tt := range []struct {
		key, value string
		ok         bool
	}{
		{"src", "10.0.0.1", true}, {"src", "2001:db8::1", false}, {"c6a1", "2001:db8::1", true}, {"c6a1", "10.0.0.1", false},
		{"agt", "2001:db8::1", true}, {"spt", "443", true}, {"spt", "https", false}, {"rt", "1720083828000", true},
		{"rt", "soon", false}, {"smac", "00:1a:2b:3c:4d:5e", true}, {"cfp1", "x", false}, {"msg", "anything", true},
	} {
		k, _ := Lookup(tt.key)
		if err := k.Check(tt.value); (err == nil) != tt.ok {
			t.Errorf("%s=%s: %v", tt.key, tt.value, err)
		}
	}
}
