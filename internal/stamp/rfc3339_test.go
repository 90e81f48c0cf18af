package stamp

import (
	"testing"
	"time"
)

var stampTests = []struct {
	in   string
	f    Flags
	want string // RFC 3339 of the result, or "" for a failure
	n    int    // length read, or offset of the fault
}{
	{"2003-10-11T22:14:15.003Z", 0, "2003-10-11T22:14:15.003Z", 24},
	{"2003-08-24T05:14:15.000003-07:00", 0, "2003-08-24T05:14:15.000003-07:00", 32},
	{"1985-04-12T23:20:50.52Z", 0, "1985-04-12T23:20:50.52Z", 23},
	{"2024-01-01T00:00:00+05:30 host", 0, "2024-01-01T00:00:00+05:30", 25},
	{"2024-02-29T23:59:59Z", 0, "2024-02-29T23:59:59Z", 20},
	{"2000-02-29T00:00:00Z", 0, "2000-02-29T00:00:00Z", 20},
	{"0000-01-01T00:00:00Z", 0, "0000-01-01T00:00:00Z", 20},
	{"9999-12-31T23:59:59.999999+23:59", 0, "9999-12-31T23:59:59.999999+23:59", 32},
	{"2023-02-29T00:00:00Z", 0, "", 8},
	{"1900-02-29T00:00:00Z", 0, "", 8},
	{"2024-04-31T00:00:00Z", 0, "", 8},
	{"2024-13-01T00:00:00Z", 0, "", 5},
	{"2024-00-01T00:00:00Z", 0, "", 5},
	{"2024-01-00T00:00:00Z", 0, "", 8},
	{"2024-01-01T24:00:00Z", 0, "", 11},
	{"2024-01-01T00:60:00Z", 0, "", 14},
	{"1990-12-31T23:59:60Z", 0, "", 17},
	{"2024-01-01T00:00:00", 0, "", 19},
	{"2024-01-01T00:00:00", NoOffset, "2024-01-01T00:00:00Z", 19},
	{"2024-01-01T00:00:00.1234567Z", 0, "", 26},
	{"2024-01-01T00:00:00.1234567Z", LongFraction, "2024-01-01T00:00:00.1234567Z", 28},
	{"2024-01-01T00:00:00.123456789123Z", LongFraction, "2024-01-01T00:00:00.123456789Z", 33},
	{"2024-01-01T00:00:00.Z", 0, "", 20},
	{"2024-01-01t00:00:00Z", 0, "", 10},
	{"2024-01-01t00:00:00z", LowerCase, "2024-01-01T00:00:00Z", 20},
	{"2024-01-01T00:00:00z", 0, "", 19},
	{"2024-01-01T00:00:00+24:00", 0, "", 20},
	{"2024-01-01T00:00:00+05:60", 0, "", 23},
	{"2024-01-01T00:00:00+0530", 0, "", 22},
	{"2024/01/01T00:00:00Z", 0, "", 4},
	{"2024-1-01T00:00:00Z", 0, "", 6},
	{"20a4-01-01T00:00:00Z", 0, "", 2},
	{"2024-01-01T0:00:00Z", 0, "", 12},
	{"2024-01-01 00:00:00Z", 0, "", 10},
	{"2024-01-0", 0, "", 9},
	{"", 0, "", 0},
	{"2024-01-01T00:00:00.12", 0, "", 22},
	{"2024-01-01T00:00:00.123456", 0, "", 26},
	{"2024-01-01T00:00:00.123456 ", 0, "", 26},
	{"2024-01-01T00:00:00\xff", 0, "", 19},
	{"2024-01-01T00:00:00.\xff\xff\xff\xff\xff\xff\xff\xff", 0, "", 20},
}

func TestReadRFC3339(t *testing.T) {
	for _, tt := range stampTests {
		var st Time
		n, ok := ReadRFC3339(&st, []byte(tt.in), tt.f)
		if ok != (tt.want != "") || n != tt.n {
			t.Errorf("ReadRFC3339(%q, %d) = %d, %v; want %d, %v", tt.in, tt.f, n, ok, tt.n, tt.want != "")
			continue
		}
		if ok {
			if got := st.Time(nil).Format(time.RFC3339Nano); got != tt.want {
				t.Errorf("ReadRFC3339(%q) = %s, want %s", tt.in, got, tt.want)
			}
		}
	}
}

// FuzzFastSlow checks that the word-at-a-time reader agrees with the
// field-by-field one whenever it accepts a stamp.
func FuzzFastSlow(f *testing.F) {
	for _, tt := range stampTests {
		f.Add([]byte(tt.in))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var fast, slow Time
		n, ok := fastRFC3339(&fast, b)
		sn, sok := slowRFC3339(&slow, b, 0)
		if ok && (!sok || sn != n || fast != slow) {
			t.Fatalf("%q: fast %v %d %+v, slow %v %d %+v", b, ok, n, fast, sok, sn, slow)
		}
	})
}

// TestFastPathTaken checks that the word-at-a-time reader accepts the
// strict stamps itself, rather than leaving them to the slow path (which
// would hide a wrong mask behind a correct result).
func TestFastPathTaken(t *testing.T) {
	for _, tt := range stampTests {
		if tt.want == "" || tt.f != 0 {
			continue
		}
		// The fraction is read a word at a time, so give it room.
		b := []byte(tt.in + "        ")
		var st Time
		if n, ok := fastRFC3339(&st, b); !ok || n != tt.n {
			t.Errorf("fastRFC3339(%q) = %d, %v; want %d, true", tt.in, n, ok, tt.n)
		}
	}
}

func TestReadBSD(t *testing.T) {
	for _, tt := range []struct {
		in      string
		f       Flags
		n       int // length read, or offset of the fault
		ok      bool
		want    Time
		wantErr bool
	}{
		{in: "Oct 11 22:14:15 host", n: 15, ok: true, want: Time{Month: 10, Day: 11, Hour: 22, Minute: 14, Second: 15}},
		{in: "Oct  1 22:14:15 host", n: 15, ok: true, want: Time{Month: 10, Day: 1, Hour: 22, Minute: 14, Second: 15}},
		{in: "Oct 01 22:14:15", n: 15, ok: true, want: Time{Month: 10, Day: 1, Hour: 22, Minute: 14, Second: 15}},
		{in: "Oct 1 22:14:15", n: 14, ok: true, want: Time{Month: 10, Day: 1, Hour: 22, Minute: 14, Second: 15}},
		{in: "oct 11 22:14:15", n: 15, ok: true, want: Time{Month: 10, Day: 11, Hour: 22, Minute: 14, Second: 15}},
		{in: "Jul 16 2020 02:15:13 x", n: 20, ok: true, want: Time{Year: 2020, HasYear: true, Month: 7, Day: 16, Hour: 2, Minute: 15, Second: 13}},
		{in: "Jan 15 07:25:36.123 UTC fw01", f: WithZone, n: 23, ok: true, want: Time{Month: 1, Day: 15, Hour: 7, Minute: 25, Second: 36, Nanosecond: 123e6, Digits: 3, HasOffset: true}},
		{in: "Jan 15 07:25:36.123 UTC fw01", n: 19, ok: true, want: Time{Month: 1, Day: 15, Hour: 7, Minute: 25, Second: 36, Nanosecond: 123e6, Digits: 3}},
		{in: "Jul 04 2024 09:03:48 GMT-07:00", f: WithZone, n: 30, ok: true, want: Time{Year: 2024, HasYear: true, Month: 7, Day: 4, Hour: 9, Minute: 3, Second: 48, Offset: -7 * 3600, HasOffset: true}},
		{in: "Jul 04 2024 09:03:48 +0530", f: WithZone, n: 26, ok: true, want: Time{Year: 2024, HasYear: true, Month: 7, Day: 4, Hour: 9, Minute: 3, Second: 48, Offset: 5*3600 + 30*60, HasOffset: true}},
		{in: "Jul 04 2024 09:03:48 PST", f: WithZone, n: 24, ok: true, want: Time{Year: 2024, HasYear: true, Month: 7, Day: 4, Hour: 9, Minute: 3, Second: 48, Offset: -8 * 3600, HasOffset: true}},
		// IST names three zones: not read as one.
		{in: "Jul 04 2024 09:03:48 IST", f: WithZone, n: 20, ok: true, want: Time{Year: 2024, HasYear: true, Month: 7, Day: 4, Hour: 9, Minute: 3, Second: 48}},
		{in: "Aug 24 05:34:00 CST 1987 mymachine", f: WithZone, n: 24, ok: true, want: Time{Year: 1987, HasYear: true, Month: 8, Day: 24, Hour: 5, Minute: 34, Offset: -6 * 3600, HasOffset: true}},
		{in: "Jan  8 19:46:03.295: %SYS", n: 19, ok: true, want: Time{Month: 1, Day: 8, Hour: 19, Minute: 46, Second: 3, Nanosecond: 295e6, Digits: 3}},
		{in: "Foo 11 22:14:15", n: 0},
		{in: "Oct 32 22:14:15", n: 4},
		{in: "Oct 11 24:14:15", n: 7},
		{in: "Oct 11 22:14", n: 12},
		{in: "Oct11 22:14:15", n: 3},
		{in: "Oct 11 22:14:15.", n: 16},
	} {
		var got Time
		n, ok := ReadBSD(&got, []byte(tt.in), tt.f)
		if n != tt.n || ok != tt.ok {
			t.Errorf("ReadBSD(%q) = %d, %v; want %d, %v", tt.in, n, ok, tt.n, tt.ok)
			continue
		}
		if ok && got != tt.want {
			t.Errorf("ReadBSD(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestResolveYear(t *testing.T) {
	now := time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		month, day, year, want int
	}{
		{12, 31, 0, 2025}, // December's line read in January
		{1, 9, 0, 2026},
		{2, 9, 0, 2026},  // less than a month ahead
		{2, 11, 0, 2025}, // more than a month ahead
		{12, 31, 2030, 2030},
	} {
		st := Time{Month: tt.month, Day: tt.day}
		ResolveYear(&st, tt.year, now, time.UTC)
		if st.Year != tt.want {
			t.Errorf("%d-%d with year %d: %d, want %d", tt.month, tt.day, tt.year, st.Year, tt.want)
		}
	}
	st := Time{Year: 1999, HasYear: true, Month: 1, Day: 1}
	ResolveYear(&st, 2030, now, time.UTC)
	if st.Year != 1999 {
		t.Error("a year in the stamp was replaced")
	}
	feb29 := Time{Month: 2, Day: 29}
	ResolveYear(&feb29, 2023, now, time.UTC)
	if feb29.Valid() {
		t.Error("Feb 29 2023 is valid")
	}
	// Without a given year, February 29 takes the last year that had
	// one, never a later one nor an invalid date.
	for _, tt := range []struct {
		now  time.Time
		want int
	}{
		{time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), 2024},
		{time.Date(2028, 2, 1, 0, 0, 0, 0, time.UTC), 2028},  // less than a month ahead
		{time.Date(2028, 1, 10, 0, 0, 0, 0, time.UTC), 2024}, // more than a month ahead
		{time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC), 2024},
		{time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), 2024},
		{time.Date(2103, 6, 1, 0, 0, 0, 0, time.UTC), 2096}, // 2100 is not a leap year
	} {
		leap := Time{Month: 2, Day: 29}
		ResolveYear(&leap, 0, tt.now, time.UTC)
		if leap.Year != tt.want || !leap.Valid() {
			t.Errorf("Feb 29 read on %s: year %d (valid %v), want %d", tt.now.Format(time.DateOnly), leap.Year, leap.Valid(), tt.want)
		}
	}
}

func TestReadAzureStack(t *testing.T) {
	var st Time
	n, ok := ReadAzureStack(&st, []byte("2018:05:17:-23:59:28 -07:00 TestHost CEF:0.0|"))
	if !ok || n != 27 || st.Time(nil).Format(time.RFC3339) != "2018-05-17T23:59:28-07:00" {
		t.Errorf("ReadAzureStack = %d, %v, %v", n, ok, st.Time(nil))
	}
	for _, tt := range []struct {
		in string
		n  int
	}{
		{"2018-05-17T23:59:28Z", 4}, {"2018:05:17:23:59:28 -07:00", 11}, {"2018:02:30:-23:59:28 -07:00", 8},
		{"2018:05:17:-23:59:28 x07:00", 21}, {"2018:05:17:-23:59:28", 20}, {"2018:05:17:-23:59:28 -07:0", 26},
	} {
		if n, ok := ReadAzureStack(&st, []byte(tt.in)); ok || n != tt.n {
			t.Errorf("ReadAzureStack(%q) = %d, %v; want %d, false", tt.in, n, ok, tt.n)
		}
	}
}

// FuzzBSDFastSlow checks that the one-go reader of plain BSD stamps agrees
// with the part-by-part one whenever it accepts a stamp.
func FuzzBSDFastSlow(f *testing.F) {
	for _, s := range []string{"Oct 11 22:14:15", "Oct  1 22:14:15 host", "Jan  8 19:46:03.295:", "Aug 24 05:34:00 CST 1987", "oct 11 22:14:15 x"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, fl := range []Flags{0, WithZone} {
			var fast, slow Time
			if !fastBSD(&fast, b, fl) {
				continue
			}
			n, ok := slowBSD(&slow, b, fl)
			if !ok || n != 15 || fast != slow {
				t.Fatalf("%q: fast %+v, slow %d %v %+v", b, fast, n, ok, slow)
			}
		}
	})
}
