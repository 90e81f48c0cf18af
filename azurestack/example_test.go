package azurestack_test

// The events below are constructed from the tables of Microsoft's Azure
// Stack Hub syslog forwarding page; no captured line is publicly known.

import (
	"fmt"

	"github.com/cefsyslog/cefsyslog/azurestack"
	"github.com/cefsyslog/cefsyslog/cef"
	"github.com/cefsyslog/cefsyslog/severity"
)

func ExampleClassify() {
	e, err := cef.Parse([]byte(`CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-AzureStack-PrivilegedEndpoint: 1003|SupportSessionUnlockedEvent|10|Who=CONTOSO\\cloudadmin WhichIP=10.0.0.5`))
	if err != nil {
		fmt.Println(err)
		return
	}
	ev := azurestack.Classify(e)
	fmt.Println(ev.Product, ev.Kind, ev.EventID, ev.EventName)
	fmt.Println(ev.Who, ev.WhichIP, ev.Level, severity.Default.Pass(ev.Level))
	// Output:
	// hub pep 1003 SupportSessionUnlocked
	// CONTOSO\cloudadmin 10.0.0.5 critical true
}

func ExampleClassify_windows() {
	e, _ := cef.Parse([]byte("CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-Windows-GroupPolicy:1501|Group Policy|0|" +
		"MasLevel=5 MasKeywords=0x8000000000000000 MasEventRecordID=1371 MasEventData=CN=Admin!!1!!DC01 MasComputer=AZS-ERCS01"))
	ev := azurestack.Classify(e)
	w := ev.Windows
	fmt.Println(ev.Kind, ev.ProviderName, ev.EventID, ev.Level, ev.LevelFrom == azurestack.FromMasLevel)
	fmt.Printf("%#x %d %q %s\n", w.Keywords, w.EventRecordID, w.EventData, w.Computer)
	// Output:
	// windows Microsoft-Windows-GroupPolicy 1501 verbose true
	// 0x8000000000000000 1371 ["CN=Admin" "1" "DC01"] AZS-ERCS01
}

func ExampleClassify_alert() {
	for _, line := range []string{
		"CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft Azure Stack Hub Alert Creation : FRU-DISK|FRU-DISK : 5b2c…|10|" +
			"MasEventDescription=TITLE: Disk failed -- DESCRIPTION: A disk failed. -- REMEDIATION: Replace it.",
		// Closed alerts keep the Signature ID of created ones.
		"CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft Azure Stack Hub Alert Creation : FRU-DISK|FRU-DISK : 5b2c…|Information|",
	} {
		e, _ := cef.Parse([]byte(line))
		a := azurestack.Classify(e).Alert
		fmt.Printf("%s %s %s %q: %s\n", a.State, a.FaultTypeID, a.AlertID, a.Title, a.Reason)
	}
	// Output:
	// created FRU-DISK 5b2c… "Disk failed": none of the signs of a closed alert
	// closed FRU-DISK 5b2c… "": the severity is the word Information, which closed alerts send
}

func ExampleClassifier() {
	event := []byte(`CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-AzureStack-PrivilegedEndpoint: 1014|RecoverySessionUnlockedEvent|10|suser=CONTOSO\\operator src=192.0.2.7`)
	var s cef.Scanner
	var c azurestack.Classifier
	s.Reset(event)
	c.Reset(s.Header())
	for s.Next() {
		c.Add(s.RawKey(), s.RawValue())
	}
	v := c.View()
	// Views hold escapes as sent: the Who fallback suser is CONTOSO\\operator.
	fmt.Printf("%s %d %s %s %s\n", v.Kind, v.EventID, v.AppendEventName(nil), v.Who, v.WhichIP)
	// Output:
	// rep 1014 RecoverySessionUnlocked CONTOSO\\operator 192.0.2.7
}
