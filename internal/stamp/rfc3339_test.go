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
