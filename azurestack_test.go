package cefsyslog

// The Azure Stack Hub lines here are constructed from the tables of
// Microsoft's syslog forwarding page, but for the page's own sample line;
// no captured line is publicly known.

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/cefsyslog/cefsyslog/azurestack"
	"github.com/cefsyslog/cefsyslog/severity"
)

// pageSample is the only example line of Microsoft's page, as it prints it.
const pageSample = `2018:05:17:-23:59:28 -07:00 TestHost CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|3|TITLE: User Account Created -- DESCRIPTION: A user account \<TestUser\> was created for \<TestDomain\>. It's a potential security risk. -- REMEDIATION: Please contact Support. Customer Assistance is required to resolve this issue. Do not try to resolve this issue without their assistance. Before you open a support request, start the log file collection process using the guidance from https://aka.ms/azurestacklogfiles|10`

func TestAzureStackPageSample(t *testing.T) {
	rec, err := Parse([]byte(pageSample))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Format != RFC3164 || rec.Syslog.Hostname != "TestHost" || rec.Syslog.Priority != -1 {
		t.Errorf("header: %v %+v", rec.Format, rec.Syslog)
	}
	want := time.Date(2018, 5, 17, 23, 59, 28, 0, time.FixedZone("", -7*3600))
	if !rec.Syslog.Timestamp.Equal(want) || rec.Syslog.Timestamp.Format(time.RFC3339) != "2018-05-17T23:59:28-07:00" {
		t.Errorf("timestamp %v", rec.Syslog.Timestamp)
	}
	if rec.CEF == nil || rec.CEF.Severity != "10" || rec.CEF.SignatureID != "3" {
		t.Fatalf("cef %+v", rec.CEF)
	}
	az := rec.AzureStack
	if az == nil || az.Kind != azurestack.KindAlert || az.Alert.State != azurestack.Created || az.Level != severity.LevelCritical {
		t.Fatalf("azurestack %+v", az)
	}
	if az.Alert.Title != "User Account Created" || !strings.HasPrefix(az.Alert.Remediation, "Please contact Support.") {
		t.Errorf("alert text %+v", az.Alert)
	}
	got := string(rec.AppendJSON(nil))
	if !strings.Contains(got, `"azurestack":{"kind":"alert","level":"critical","alert_state":"created"}`) {
		t.Errorf("JSON %s", got)
	}
}

// TestAzureStackSamples reads the sample file, one line per event kind and
// framing, and checks what each line was built to show.
func TestAzureStackSamples(t *testing.T) {
	f, err := os.Open("testdata/samples/azurestack.log")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []struct {
		format Format
		kind   string // "" for no azurestack object
		level  string
	}{
		{RFC3164, "alert", "critical"},  // the page's sample
		{RFC3164, "pep", "warning"},     // the page's header form
		{RFC5424, "pep", "warning"},     // RFC 5424
		{RFC5424, "pep", "critical"},    // RFC 5424
		{RFC3164, "pep", "critical"},    // RFC 3164, facility 10
		{RFC3164, "pep", "warning"},     // 1017, added in 2020
		{RFC3164, "rep", "warning"},     // suser/src fallbacks
		{RFC3164, "rep", "critical"},    // REP
		{RFC3164, "wac", "warning"},     // WAC by name
		{RFC3164, "unknown", "warning"}, // an ID in neither table
		{RFC3164, "windows", "information"},
		{RFC3164, "windows", "verbose"},   // MasLevel settles CEF 0
		{RFC3164, "windows", "undefined"}, // MasLevel 0
		{RFC3164, "alert", "critical"},    // created
		{RFC3164, "alert", "information"}, // closed
		{RFC3164, "alert", "warning"},     // product before the 2020 rename
		{RFC3164, "arm", "information"},
		{RFC3164, "bcdr", "information"},
		{RFC3164, "infrastructure_fault", "error"},
		{RFC3164, "service_fault", "information"},
		{RFC3164, "windows", "information"}, // rsyslog traditional file form
		{RFC3164, "pep", "warning"},         // rsyslog RFC 3339 file form
		{RFC3164, "windows", "information"}, // rsyslog forward form
		{RFC3164, "", ""},                   // HCI is kept apart
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	i := 0
	for ; sc.Scan(); i++ {
		if i >= len(want) {
			t.Fatalf("more lines than expected")
		}
		w := want[i]
		rec, err := (&Parser{Year: 2025}).Parse(sc.Bytes())
		if err != nil {
			t.Errorf("line %d: %v", i+1, err)
			continue
		}
		if rec.CEF == nil || rec.Format != w.format {
			t.Errorf("line %d: format %v, cef %v", i+1, rec.Format, rec.CEF != nil)
			continue
		}
		var got struct {
			AzureStack *struct{ Kind, Level string } `json:"azurestack"`
		}
		if err := json.Unmarshal(rec.AppendJSON(nil), &got); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		switch {
		case w.kind == "" && got.AzureStack != nil:
			t.Errorf("line %d: unexpected azurestack %+v", i+1, got.AzureStack)
		case w.kind != "" && (got.AzureStack == nil || got.AzureStack.Kind != w.kind || got.AzureStack.Level != w.level):
			t.Errorf("line %d: azurestack %+v, want %s %s", i+1, got.AzureStack, w.kind, w.level)
		}
	}
	if i != len(want) {
		t.Errorf("%d lines, want %d", i, len(want))
	}
}

func TestRecordLevelAndPass(t *testing.T) {
	for _, tt := range []struct {
		name, in         string
		level            severity.Windows
		ok               bool
		default_, verbos bool
	}{
		{"azure stack MasLevel wins", "CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-Windows-GroupPolicy:1501|Group Policy|10|MasLevel=5",
			severity.LevelVerbose, true, false, true},
		{"azure stack PEP warning", "CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-AzureStack-PrivilegedEndpoint: 1000|PrivilegedEndpointAccessedEvent|5|",
			severity.LevelWarning, true, true, true},
		{"closed alert", "CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft Azure Stack Hub Alert Creation : F|F : A|Information|",
			severity.LevelInformation, true, false, true},
		{"other CEF by table", "CEF:0|Vendor|Product|1|sig|name|8|", severity.LevelError, true, true, true},
		{"other CEF by band", "CEF:0|Vendor|Product|1|sig|name|3|", severity.LevelInformation, true, false, true},
		{"other CEF word", "CEF:0|Vendor|Product|1|sig|name|Very-High|", severity.LevelCritical, true, true, true},
		{"HCI by its MasLevel", "<86>Mar 14 12:50:00 h CEF:0.0|Microsoft|Microsoft Azure Stack HCI|1.0|P:1|T|0|MasLevel=4",
			severity.LevelInformation, true, false, true},
		{"HCI by its CEF severity", "<86>Mar 14 12:50:00 h CEF:0.0|Microsoft|Microsoft Azure Stack HCI|1.0|P:1|T|8|MasLevel=nine",
			severity.LevelError, true, true, true},
		{"syslog only", "<84>Mar 14 12:50:00 h su: x", severity.LevelWarning, true, true, true},
		{"syslog debug", "<15>1 - - - - - -", severity.LevelVerbose, true, false, true},
		{"CEF word unknown falls back to syslog", "<11>Mar 14 12:50:00 h CEF:0|V|P|1|s|n|Unknown|", severity.LevelError, true, true, true},
		{"no level at all passes", "a line of text", severity.LevelUndefined, false, true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			level, ok := rec.Level()
			if level != tt.level || ok != tt.ok {
				t.Errorf("Level() = %v, %v; want %v, %v", level, ok, tt.level, tt.ok)
			}
			if rec.Pass(severity.Default) != tt.default_ || rec.Pass(severity.Verbose) != tt.verbos {
				t.Errorf("Pass(Default) = %v, Pass(Verbose) = %v", rec.Pass(severity.Default), rec.Pass(severity.Verbose))
			}
		})
	}
	// A record with an error passes whatever its level: filtering must not
	// hide it.
	rec, err := Parse([]byte("<15>1 2025-13-01T00:00:00Z h - - - -"))
	if err == nil || !rec.Pass(severity.Default) {
		t.Errorf("a record with an error was filtered out (err %v)", err)
	}
}
