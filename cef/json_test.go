package cef

import (
	"encoding/json"
	"testing"
)

func TestEventJSON(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`CEF:0|Microsoft|Microsoft Azure Stack Hub|1.0|1000|PEP|5|Who=CONTOSO\\cloudadmin WhichIP=10.0.0.5`,
			`{"version":0,"device_vendor":"Microsoft","device_product":"Microsoft Azure Stack Hub","device_version":"1.0","signature_id":"1000","name":"PEP","severity":"5","extensions":{"Who":"CONTOSO\\cloudadmin","WhichIP":"10.0.0.5"}}`},
		{`CEF: 0.0|a|b|c|d|e|Information`,
			`{"version":0,"device_vendor":"a","device_product":"b","device_version":"c","signature_id":"d","name":"e","severity":"Information","extensions":{}}`},
		// A repeated key appears once, where it first appeared, with its
		// last value; an empty value is "".
		{`CEF:1|a|b|c|d|e|5|src=1.1.1.1 dvc= src=2.2.2.2`,
			`{"version":1,"device_vendor":"a","device_product":"b","device_version":"c","signature_id":"d","name":"e","severity":"5","extensions":{"src":"2.2.2.2","dvc":""}}`},
		// Header fields not read are left out.
		{`CEF:0|SentinelOne|Mgmt|activityID=1 siteId=None`,
			`{"version":0,"device_vendor":"SentinelOne","device_product":"Mgmt","extensions":{"activityID":"1","siteId":"None"}}`},
		{"CEF:0|a|b|c|d|e|5|msg=tab\there\\nnew",
			`{"version":0,"device_vendor":"a","device_product":"b","device_version":"c","signature_id":"d","name":"e","severity":"5","extensions":{"msg":"tab\there\nnew"}}`},
	} {
		e, _ := Parse([]byte(tt.in))
		got, _ := e.MarshalJSON()
		if string(got) != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.in, got, tt.want)
		}
		if !json.Valid(got) {
			t.Errorf("not JSON: %s", got)
		}
	}
}
