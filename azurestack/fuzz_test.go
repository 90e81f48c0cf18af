package azurestack

import (
	"testing"

	"github.com/cefsyslog/cefsyslog/cef"
)

// FuzzClassify checks classification on any event: no panic, the owned and
// the scanner paths agree, and an event that is classified keeps its CEF
// event whole.
func FuzzClassify(f *testing.F) {
	for _, in := range []string{
		hub("Microsoft-AzureStack-PrivilegedEndpoint: 1000", "PrivilegedEndpointAccessedEvent", "5", `Who=CONTOSO\\admin WhichIP=10.0.0.5`),
		hub("Microsoft-AzureStack-PrivilegedEndpoint: 1014", "RecoverySessionUnlockedEvent", "10", ""),
		hub("Microsoft-AzureStack-PrivilegedEndpoint: 1100", "WACUserAddedEvent", "5", ""),
		hub("Microsoft-Windows-GroupPolicy:1501", "Group Policy", "4", "MasLevel=4 MasEventRecordID=1371 MasKeywords=0x8000000000000000"),
		hub("Microsoft Azure Stack Hub Alert Creation : FT1", "FT1 : A1", "Information", ""),
		"CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|3|TITLE: T -- DESCRIPTION: D -- REMEDIATION: R|10",
		hub("ARM", "ARM", "2", "AzsOperationName=op"),
		hub("Fault", "ServiceFaultOpen", "8", "AzsFaultId=1"),
		"CEF:0.0|Microsoft|Microsoft Azure Stack HCI|1.0|Microsoft-Windows-GroupPolicy:1501|Group Policy|2|MasLevel=4",
	} {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) > 4096 {
			return
		}
		e, _ := cef.Parse(in)
		ev := Classify(e)
		var s cef.Scanner
		var c Classifier
		s.Reset(in)
		c.Reset(s.Header())
		for s.Next() {
			c.Add(s.RawKey(), s.RawValue())
		}
		v := c.View()
		if ev == nil {
			if v.Product != NotAzureStack {
				t.Fatalf("paths disagree on the product of %q", in)
			}
			return
		}
		// The scanner path reads raw values, escapes in place, and the
		// owned path resolved ones, so values may differ where escapes
		// are; the decisions must not, unless an escape sits in a field
		// that decides (kept out here).
		if hasBackslash(in) {
			return
		}
		if v.Kind != ev.Kind || v.Level != ev.Level || v.EventID != ev.EventID || v.Product != ev.Product {
			t.Fatalf("paths disagree on %q:\n%+v\n%+v", in, v, ev)
		}
		if ev.CEF != e {
			t.Fatal("the CEF event is not kept")
		}
		_ = ev.AppendJSON(nil)
	})
}

func hasBackslash(b []byte) bool {
	for _, c := range b {
		if c == '\\' {
			return true
		}
	}
	return false
}
