package rfc3164_test

import (
	"fmt"
	"time"

	"github.com/cefsyslog/cefsyslog/rfc3164"
)

func ExampleScanner() {
	var s rfc3164.Scanner // reuse one Scanner for every line
	s.Year = 2025         // stamps without a year
	for _, line := range []string{
		`<34>Oct 11 22:14:15 mymachine su[123]: 'su root' failed for lonvick on /dev/pts/8`,
		`2025-01-15T07:25:36+00:00 OneGate manager {"log_type":"login_manager"}`,
		`<189>237: *Jan  8 19:46:03.295: %SYS-5-CONFIG_I: Configured from console by vty0`,
		`just a line with no header`,
	} {
		s.Reset([]byte(line))
		h := s.Header()
		fmt.Printf("pri=%d host=%q app=%q pid=%q time=%s\n  msg=%q\n",
			h.Priority, h.Hostname, h.AppName, h.ProcID, s.Time().Format(time.RFC3339Nano), s.Message())
	}
	// Output:
	// pri=34 host="mymachine" app="su" pid="123" time=2025-10-11T22:14:15Z
	//   msg="'su root' failed for lonvick on /dev/pts/8"
	// pri=-1 host="OneGate" app="" pid="" time=2025-01-15T07:25:36Z
	//   msg="manager {\"log_type\":\"login_manager\"}"
	// pri=189 host="" app="%SYS-5-CONFIG_I" pid="" time=2025-01-08T19:46:03.295Z
	//   msg="Configured from console by vty0"
	// pri=-1 host="" app="" pid="" time=0001-01-01T00:00:00Z
	//   msg="just a line with no header"
}

// rsyslog files CEF events as "host CEF: 0.0|…": CEF: is not a TAG, so
// the message is the event.
func ExampleParse() {
	m, err := rfc3164.Options{Year: 2018}.Parse([]byte(`May 17 23:59:28 TestHost CEF: 0.0|Microsoft|Microsoft Azure Stack Hub|1.0|1000|PEP|5|`))
	fmt.Println(m.Hostname, m.AppName == "", err)
	fmt.Println(m.Msg)
	// Output:
	// TestHost true <nil>
	// CEF: 0.0|Microsoft|Microsoft Azure Stack Hub|1.0|1000|PEP|5|
}

func ExampleOptions_Parse() {
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	o := rfc3164.Options{Year: 2025, Location: tokyo}
	m, _ := o.Parse([]byte(`<13>Oct 11 22:14:15 host app: x`))
	fmt.Println(m.Timestamp.Format(time.RFC3339))
	// A stamp that gives its own offset keeps it.
	m, _ = o.Parse([]byte(`2018:05:17:-23:59:28 -07:00 TestHost CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|3|Title|10`))
	fmt.Println(m.Timestamp.Format(time.RFC3339), m.Hostname)
	// Output:
	// 2025-10-11T22:14:15+09:00
	// 2018-05-17T23:59:28-07:00 TestHost
}

func ExampleMessage_AppendText() {
	m := rfc3164.Message{
		Priority:  34,
		Timestamp: time.Date(2025, 10, 1, 22, 14, 15, 0, time.UTC),
		Hostname:  "mymachine",
		AppName:   "su",
		ProcID:    "123",
		Msg:       "'su root' failed for lonvick",
	}
	b, err := m.AppendText(nil)
	fmt.Println(string(b), err)
	// Output:
	// <34>Oct  1 22:14:15 mymachine su[123]: 'su root' failed for lonvick <nil>
}
