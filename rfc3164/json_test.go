package rfc3164

import "testing"

func TestMessageJSON(t *testing.T) {
	for in, want := range map[string]string{
		"<34>Oct 11 22:14:15 mymachine su[123]: x": `{"priority":34,"facility":4,"severity":2,"timestamp":"2026-10-11T22:14:15Z","hostname":"mymachine","app_name":"su","proc_id":"123","message":"x"}`,
		"no header":                  `{"message":"no header"}`,
		"<192>bad pri":               `{"message":"<192>bad pri"}`,
		"<13>Oct 11 22:14:15.5 host": `{"priority":13,"facility":1,"severity":5,"timestamp":"2026-10-11T22:14:15.5Z","hostname":"host"}`,
	} {
		m, _ := testOptions.Parse([]byte(in))
		got, _ := m.MarshalJSON()
		if string(got) != want {
			t.Errorf("%s:\n got %s\nwant %s", in, got, want)
		}
	}
}
