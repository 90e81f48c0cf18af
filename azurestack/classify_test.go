package azurestack

// Every event here is constructed from the tables of Microsoft's Azure
// Stack Hub syslog forwarding page: no captured line is publicly known.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cefsyslog/cefsyslog/cef"
	"github.com/cefsyslog/cefsyslog/severity"
	"github.com/google/go-cmp/cmp"
)

// hub builds a constructed Azure Stack Hub CEF event.
func hub(sig, name, sev, ext string) string {
	return "CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|" + sig + "|" + name + "|" + sev + "|" + ext
}

// both classifies in through the owned path and the scanner path, checks
// that they agree, and returns the owned event.
func both(t *testing.T, in string) *Event {
	t.Helper()
	e, err := cef.Parse([]byte(in))
	if err != nil {
		t.Fatalf("%q: %v", in, err)
	}
	ev := Classify(e)
	var s cef.Scanner
	var c Classifier
	s.Reset([]byte(in))
	c.Reset(s.Header())
	for s.Next() {
		c.Add(s.RawKey(), s.RawValue())
	}
	v := c.View()
	if ev == nil {
		if v.Product != NotAzureStack {
			t.Fatalf("%q: Classify says not Azure Stack, the Classifier %v", in, v.Product)
		}
		return nil
	}
	if v.Product != ev.Product || v.Kind != ev.Kind || v.EventID != ev.EventID || v.Level != ev.Level ||
		v.LevelFrom != ev.LevelFrom || string(v.AppendEventName(nil)) != ev.EventName ||
		string(v.Provider) != ev.ProviderName {
		t.Fatalf("%q: the paths disagree:\n view %+v\nevent %+v", in, v, ev)
	}
	if ev.Alert != nil && (v.AlertState != ev.Alert.State || v.Reason != ev.Alert.Reason) {
		t.Fatalf("%q: alert state: view %v/%v, event %v/%v", in, v.AlertState, v.Reason, ev.Alert.State, ev.Alert.Reason)
	}
	return ev
}

// pepTable and repTable are the page's PEP and REP tables, row by row:
// event, ID, task name, severity.
var pepTable = []EndpointEvent{
	{1000, "PrivilegedEndpointAccessed", "PrivilegedEndpointAccessedEvent", 5, false},
	{1001, "SupportSessionTokenRequested", "SupportSessionTokenRequestedEvent", 5, false},
	{1002, "SupportSessionDevelopmentTokenRequested", "SupportSessionDevelopmentTokenRequestedEvent", 5, false},
	{1003, "SupportSessionUnlocked", "SupportSessionUnlockedEvent", 10, false},
	{1004, "SupportSessionFailedToUnlock", "SupportSessionFailedToUnlockEvent", 10, false},
	{1005, "PrivilegedEndpointClosed", "PrivilegedEndpointClosedEvent", 5, false},
	{1006, "NewCloudAdminUser", "NewCloudAdminUserEvent", 10, false},
	{1007, "RemoveCloudAdminUser", "RemoveCloudAdminUserEvent", 10, false},
	{1008, "SetCloudAdminUserPassword", "SetCloudAdminUserPasswordEvent", 5, false},
	{1009, "GetCloudAdminPasswordRecoveryToken", "GetCloudAdminPasswordRecoveryTokenEvent", 10, false},
	{1010, "ResetCloudAdminPassword", "ResetCloudAdminPasswordEvent", 10, false},
	{1017, "PrivilegedEndpointSessionTimedOut", "PrivilegedEndpointSessionTimedOutEvent", 5, false},
}

var repTable = []EndpointEvent{
	{1011, "RecoveryEndpointAccessed", "RecoveryEndpointAccessedEvent", 5, true},
	{1012, "RecoverySessionTokenRequested", "RecoverySessionTokenRequestedEvent", 5, true},
	{1013, "RecoverySessionDevelopmentTokenRequested", "RecoverySessionDevelopmentTokenRequestedEvent", 5, true},
	{1014, "RecoverySessionUnlocked", "RecoverySessionUnlockedEvent", 10, true},
	{1015, "RecoverySessionFailedToUnlock", "RecoverySessionFailedToUnlockEvent", 10, true},
	{1016, "RecoveryEndpointClosed", "RecoveryEndpointClosedEvent", 5, true},
}

func TestEndpointTables(t *testing.T) {
	for _, row := range append(append([]EndpointEvent(nil), pepTable...), repTable...) {
		got, ok := LookupEndpoint(row.ID)
		if !ok || got != row {
			t.Errorf("LookupEndpoint(%d) = %+v, want %+v", row.ID, got, row)
		}
		// As the event arrives: the PEP prefix, the task name as Name,
		// the documented severity, Who and WhichIP.
		ev := both(t, hub(fmt.Sprintf("Microsoft-AzureStack-PrivilegedEndpoint: %d", row.ID), row.TaskName, row.Severity.String(),
			`Who=CONTOSO\\cloudadmin WhichIP=10.0.0.5`))
		wantKind := KindPEP
		if row.Recovery {
			wantKind = KindREP
		}
		wantLevel := map[severity.CEF]severity.Windows{5: severity.LevelWarning, 10: severity.LevelCritical}[row.Severity]
		if ev.Kind != wantKind || ev.EventID != row.ID || ev.EventName != row.Name || ev.TaskName != row.TaskName ||
			ev.Endpoint != row || ev.Level != wantLevel || ev.Who != `CONTOSO\cloudadmin` || ev.WhichIP != "10.0.0.5" {
			t.Errorf("%d: %+v", row.ID, ev)
		}
	}
	for _, id := range []int{999, 1018, 0, -1} {
		if _, ok := LookupEndpoint(id); ok {
			t.Errorf("LookupEndpoint(%d) found a row", id)
		}
	}
}

// TestSeverityTables runs the page's PEP/REP and Windows severity tables
// (CEF severity, level, MasLevel) through classification: MasLevel wins,
// and without it the severity gives the level, 0 as undefined.
func TestSeverityTables(t *testing.T) {
	for _, row := range []struct {
		cef      string
		level    severity.Windows
		masLevel string
	}{
		{"0", severity.LevelUndefined, "0"},
		{"10", severity.LevelCritical, "1"},
		{"8", severity.LevelError, "2"},
		{"5", severity.LevelWarning, "3"},
		{"2", severity.LevelInformation, "4"},
		{"0", severity.LevelVerbose, "5"},
	} {
		ev := both(t, hub("Microsoft-Windows-Kernel-General:12", "Kernel", row.cef, "MasLevel="+row.masLevel))
		if ev.Level != row.level || ev.LevelFrom != FromMasLevel {
			t.Errorf("MasLevel %s: %v from %v", row.masLevel, ev.Level, ev.LevelFrom)
		}
		ev = both(t, hub("Microsoft-Windows-Kernel-General:12", "Kernel", row.cef, "MasChannel=System"))
		want := row.level
		if want == severity.LevelVerbose {
			want = severity.LevelUndefined // 0 without MasLevel: undefined
		}
		if ev.Level != want || ev.LevelFrom != FromSeverity {
			t.Errorf("severity %s: %v from %v, want %v", row.cef, ev.Level, ev.LevelFrom, want)
		}
		// The same table serves PEP events.
		ev = both(t, hub("Microsoft-AzureStack-PrivilegedEndpoint: 1000", "PrivilegedEndpointAccessedEvent", row.cef, ""))
		if ev.Level != want {
			t.Errorf("PEP severity %s: %v", row.cef, ev.Level)
		}
	}
}

// TestWindowsEvent reads the page's custom extension table: all 23 Mas*
// keys with the page's example values.
func TestWindowsEvent(t *testing.T) {
	in := hub("Microsoft-Windows-GroupPolicy:1501", "Group Policy", "2",
		`MasChannel=System MasComputer=test.azurestack.contoso.com MasCorrelationActivityID=C8F40D7C-3764-423B-A4FA-C994442238AF `+
			`MasCorrelationRelatedActivityID=C8F40D7C-3764-423B-A4FA-C994442238AF MasEventData=svchost!!4132,G,0!!!!EseDiskFlushConsistency!!ESENT!!0x800000 `+
			`MasEventDescription=The Group Policy settings for the user were processed successfully. There were no changes detected since the last successful processing of Group Policy. `+
			`MasEventID=1501 MasEventRecordID=26637 MasExecutionProcessID=29380 MasExecutionThreadID=25480 MasKeywords=0x8000000000000000 MasKeywordName=Audit Success `+
			`MasLevel=4 MasOpcode=1 MasOpcodeName=info MasProviderEventSourceName= MasProviderGuid=AEA1B4FA-97D1-45F2-A64C-4D69FFFD92C9 `+
			`MasProviderName=Microsoft-Windows-GroupPolicy MasSecurityUserId=S-1-5-18 MasTask=0 MasTaskCategory=Process Creation `+
			`MasUserData=KB4093112!!5112!!Installed!!0x0!!WindowsUpdateAgent Xpath: /Event/UserData/* MasVersion=0`)
	ev := both(t, in)
	if ev.Kind != KindWindows || ev.EventID != 1501 || ev.ProviderName != "Microsoft-Windows-GroupPolicy" || ev.TaskName != "Group Policy" || ev.Level != severity.LevelInformation {
		t.Errorf("header: %+v", ev)
	}
	guid, _ := ParseGUID("C8F40D7C-3764-423B-A4FA-C994442238AF")
	pguid, _ := ParseGUID("{aea1b4fa-97d1-45f2-a64c-4d69fffd92c9}")
	want := &WindowsEvent{
		Channel: "System", Computer: "test.azurestack.contoso.com",
		CorrelationActivityID: guid, CorrelationRelatedActivityID: guid,
		EventData:        []string{"svchost", "4132,G,0", "", "EseDiskFlushConsistency", "ESENT", "0x800000"},
		EventDescription: "The Group Policy settings for the user were processed successfully. There were no changes detected since the last successful processing of Group Policy.",
		EventID:          1501, EventRecordID: 26637, ExecutionProcessID: 29380, ExecutionThreadID: 25480,
		Keywords: 1 << 63, KeywordName: "Audit Success", Level: severity.LevelInformation,
		Opcode: 1, OpcodeName: "info", ProviderGUID: pguid, ProviderName: "Microsoft-Windows-GroupPolicy",
		SecurityUserID: "S-1-5-18", TaskCategory: "Process Creation",
		UserData: []string{"KB4093112", "5112", "Installed", "0x0", "WindowsUpdateAgent"}, UserDataXPath: "/Event/UserData/*",
	}
	if diff := cmp.Diff(want, ev.Windows); diff != "" {
		t.Errorf("Mas* fields (-want +got):\n%s", diff)
	}
	if guid.String() != "C8F40D7C-3764-423B-A4FA-C994442238AF" {
		t.Errorf("GUID %s", guid)
	}
	// Every documented key is read: none is left out of the struct.
	if len(masKeys) != 23 {
		t.Errorf("%d Mas keys", len(masKeys))
	}
	// A value that does not fit is named and stays in the CEF event.
	ev = both(t, hub("Microsoft-Windows-Security-Auditing:4625", "Logon", "8", "MasEventRecordID=ten MasKeywords=zzz MasProviderGuid=nope MasLevel=9"))
	if got := ev.Windows.Invalid; strings.Join(got, ",") != "MasEventRecordID,MasKeywords,MasProviderGuid,MasLevel" {
		t.Errorf("Invalid = %v", got)
	}
	if v, _ := ev.CEF.Get("MasEventRecordID"); v != "ten" {
		t.Error("the raw value was lost")
	}
	if ev.Level != severity.LevelError || ev.LevelFrom != FromSeverity {
		t.Errorf("a bad MasLevel must fall back to the severity: %v %v", ev.Level, ev.LevelFrom)
	}
}

// TestAlerts covers alerts created and closed (§6, §7) and the rules of
// ambiguities A4 and A13.
func TestAlerts(t *testing.T) {
	const desc = `MasEventDescription=DESCRIPTION: A user account \<TestUser\> was created for \<TestDomain\>. It's a potential security risk. -- REMEDIATION: Contact support.`
	for _, tt := range []struct {
		name, in    string
		state       AlertState
		reason      StateReason
		level       severity.Windows
		faultTypeID string
		alertID     string
		descr       string
	}{
		{"created, critical", hub("Microsoft Azure Stack Hub Alert Creation : Microsoft.Health.FaultType.Cluster:Node", "Microsoft.Health.FaultType.Cluster:Node : 6f0a3b2c-7d9e-4c1b-9a8f-1e2d3c4b5a69", "10", desc),
			Created, ReasonCreated, severity.LevelCritical, "Microsoft.Health.FaultType.Cluster:Node", "6f0a3b2c-7d9e-4c1b-9a8f-1e2d3c4b5a69", `A user account \<TestUser\> was created for \<TestDomain\>. It's a potential security risk.`},
		{"created, warning", hub("Microsoft Azure Stack Hub Alert Creation : FT1", "FT1 : A1", "5", desc), Created, ReasonCreated, severity.LevelWarning, "FT1", "A1", ""},
		{"created, undefined", hub("Microsoft Azure Stack Hub Alert Creation : FT1", "FT1 : A1", "0", desc), Created, ReasonCreated, severity.LevelUndefined, "FT1", "A1", ""},
		{"before the 2020 rename", "CEF:0.0|Microsoft|Microsoft Azure Stack|1.0|Microsoft Azure Stack Alert Creation : FT1|FT1 : A1|10|" + desc,
			Created, ReasonCreated, severity.LevelCritical, "FT1", "A1", ""},
		{"closed: the word Information", hub("Microsoft Azure Stack Hub Alert Creation : FT1", "FT1 : A1", "Information", ""), Closed, ReasonSeverityWord, severity.LevelInformation, "FT1", "A1", ""},
		{"closed: a fixed Signature ID", hub("Microsoft Azure Stack Hub Alert Closing : FT1", "FT1 : A1", "10", desc), Closed, ReasonSignature, severity.LevelCritical, "FT1", "A1", ""},
		{"closed: no description", hub("Microsoft Azure Stack Hub Alert Creation : FT1", "FT1 : A1", "10", ""), Closed, ReasonNoDescription, severity.LevelCritical, "FT1", "A1", ""},
		{"the page's own sample line (A13)", "CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|3|TITLE: User Account Created -- DESCRIPTION: A user account \\<TestUser\\> was created for \\<TestDomain\\>. It's a potential security risk. -- REMEDIATION: Please contact Support.|10",
			Created, ReasonCreated, severity.LevelCritical, "", "", `A user account \<TestUser\> was created for \<TestDomain\>. It's a potential security risk.`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ev := both(t, tt.in)
			if ev.Kind != KindAlert || ev.Alert == nil {
				t.Fatalf("not an alert: %+v", ev)
			}
			a := ev.Alert
			if a.State != tt.state || a.Reason != tt.reason || ev.Level != tt.level || a.FaultTypeID != tt.faultTypeID || a.AlertID != tt.alertID {
				t.Errorf("%+v, level %v", a, ev.Level)
			}
			if tt.descr != "" && a.Description != tt.descr {
				t.Errorf("description %q", a.Description)
			}
			if a.Reason.String() == "" {
				t.Error("no reason text")
			}
			// "FaultTypeId : AlertId" is no alert text.
			if a.Title == "FT1 : A1" {
				t.Errorf("the Name was taken for the title")
			}
		})
	}
	ev := both(t, "CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|3|TITLE: User Account Created -- DESCRIPTION: d -- REMEDIATION: r|10")
	if a := ev.Alert; a.Title != "User Account Created" || a.Description != "d" || a.Remediation != "r" {
		t.Errorf("parts: %+v", a)
	}
}

// TestEventTypes covers the page's event-types table (§8): ARM, BCDR,
// infrastructure and service faults, and the 14 WAC events.
func TestEventTypes(t *testing.T) {
	for _, tt := range []struct {
		sig, name, ext string
		kind           Kind
		eventName      string
	}{
		{"ARM", "ARM", "AzsSubscriptionId=6b7c1d2e AzsOperationName=Microsoft.Compute/virtualMachines/write AzsResourceProvider=Microsoft.Compute AzsStatus=Succeeded", KindARM, ""},
		{"BCDR", "AuditingManualBackup", "", KindBCDR, "AuditingManualBackup"},
		{"BCDR", "AuditingConfig", "Interval=12 Retention=7 IsSchedulerEnabled=true BackupPath=\\\\\\\\fs\\\\backup", KindBCDR, "AuditingConfig"},
		{"BCDR", "AuditingPruneBackupStore", "IsInternalStore=false", KindBCDR, "AuditingPruneBackupStore"},
		{"Fault", "InfrastructureFaultOpen", "AzsFaultId=1 AzsFaultTypeName=T AzsComponentType=C AzsComponentName=N AzsFaultHash=H AzsCreatedTimeUtc=2024-01-01T00:00:00Z AzsSource=S", KindInfrastructureFault, "InfrastructureFaultOpen"},
		{"Fault", "InfrastructureFaultClose", "AzsFaultId=1 AzsLastUpdatedTimeUtc=2024-01-01T00:00:00Z", KindInfrastructureFault, "InfrastructureFaultClose"},
		{"Fault", "ServiceFaultOpen", "AzsFaultId=1 AzsServiceName=S AzsResourceId=R", KindServiceFault, "ServiceFaultOpen"},
		{"Fault", "ServiceFaultClose", "AzsFaultId=1", KindServiceFault, "ServiceFaultClose"},
	} {
		ev := both(t, hub(tt.sig, tt.name, "5", tt.ext))
		if ev.Kind != tt.kind || ev.EventName != tt.eventName {
			t.Errorf("%s: %v %q", tt.name, ev.Kind, ev.EventName)
		}
		if props, ok := Properties(tt.name); tt.kind != KindARM && !ok {
			t.Errorf("no schema for %s", tt.name)
		} else if tt.kind != KindARM && tt.name == "InfrastructureFaultOpen" && len(props) != 7 {
			t.Errorf("schema %v", props)
		}
	}
	if p, _ := Properties("ARM"); len(p) != 29 || p[0] != "AzsSubscriptionId" || p[28] != "AzsEventCategory" {
		t.Errorf("ARM properties %v", p)
	}
	if len(wacEvents) != 14 {
		t.Fatalf("%d WAC events", len(wacEvents))
	}
	for _, name := range wacEvents {
		ev := both(t, hub("Microsoft-AzureStack-PrivilegedEndpoint: 1100", name, "5", "Who=CONTOSO\\\\admin WhichIP=10.0.0.9"))
		if ev.Kind != KindWAC || ev.EventName != name || ev.EventID != 1100 || ev.Who != `CONTOSO\admin` {
			t.Errorf("%s: %+v", name, ev)
		}
	}
}

// TestAmbiguities covers the rest of the reference's list of ambiguities.
func TestAmbiguities(t *testing.T) {
	// A7: REP events carry the PEP prefix; the ID tells them apart.
	if ev := both(t, hub("Microsoft-AzureStack-PrivilegedEndpoint: 1014", "RecoverySessionUnlockedEvent", "10", "")); ev.Kind != KindREP {
		t.Errorf("A7: %v", ev.Kind)
	}
	// A11: an ID with the PEP prefix in no table, and no WAC name: an
	// unknown endpoint event that keeps its ID.
	if ev := both(t, hub("Microsoft-AzureStack-PrivilegedEndpoint: 2000", "SomethingNewEvent", "5", "")); ev.Kind != KindUnknown || ev.EventID != 2000 {
		t.Errorf("A11: %v %d", ev.Kind, ev.EventID)
	}
	// A8: a Windows Signature ID splits at its last colon; a provider name
	// may hold spaces.
	if ev := both(t, hub("Microsoft Windows Security:Auditing:4625", "Logon", "8", "")); ev.Kind != KindWindows || ev.ProviderName != "Microsoft Windows Security:Auditing" || ev.EventID != 4625 {
		t.Errorf("A8: %+v", ev)
	}
	// A9: Who and WhichIP in any case, and their fallbacks.
	for ext, want := range map[string][2]string{
		"who=a whichip=1.1.1.1":                         {"a", "1.1.1.1"},
		"WHO=a WHICHIP=1.1.1.1":                         {"a", "1.1.1.1"},
		"suser=s src=2.2.2.2":                           {"s", "2.2.2.2"},
		"duser=d dvc=3.3.3.3":                           {"d", "3.3.3.3"},
		"duser=d suser=s Who=w dvc=3.3.3.3 src=2.2.2.2": {"w", "2.2.2.2"},
	} {
		ev := both(t, hub("Microsoft-AzureStack-PrivilegedEndpoint: 1000", "PrivilegedEndpointAccessedEvent", "5", ext))
		if ev.Who != want[0] || ev.WhichIP != want[1] {
			t.Errorf("A9 %q: %q %q", ext, ev.Who, ev.WhichIP)
		}
	}
	// A12: the product before the rename; HCI kept apart with the same
	// Windows mapping; other vendors are not Azure Stack.
	if ev := both(t, "CEF:0.0|Microsoft|Microsoft Azure Stack|1.0|Microsoft-AzureStack-PrivilegedEndpoint: 1000|PrivilegedEndpointAccessedEvent|5|"); ev.Product != Hub || ev.Kind != KindPEP {
		t.Errorf("A12 old name: %+v", ev)
	}
	if ev := both(t, "CEF:0.0|Microsoft|Microsoft Azure Stack HCI|1.0|Microsoft-Windows-GroupPolicy:1501|Group Policy|2|MasLevel=4"); ev.Product != HCI || ev.Kind != KindWindows || ev.Level != severity.LevelInformation {
		t.Errorf("A12 HCI: %+v", ev)
	}
	for _, in := range []string{"CEF:0|Contoso|Microsoft Azure Stack Hub|1|x|y|5|", "CEF:0|Microsoft|Defender|1|x|y|5|", "CEF:0|Microsoft|Microsoft Azure|1|x|y|5|"} {
		if ev := both(t, in); ev != nil {
			t.Errorf("%q classified as %v", in, ev.Product)
		}
	}
	// A5: Information maps to information, flagged by its source.
	if ev := both(t, hub("Microsoft-Windows-X:1", "T", "informational", "")); ev.Level != severity.LevelInformation || ev.LevelFrom != FromSeverityWord {
		t.Errorf("A5: %v %v", ev.Level, ev.LevelFrom)
	}
	// A severity nothing maps, and no MasLevel: undefined.
	if ev := both(t, hub("Microsoft-Windows-X:1", "T", "Severe", "")); ev.Level != severity.LevelUndefined || ev.LevelFrom != FromNothing {
		t.Errorf("unmapped severity: %v %v", ev.Level, ev.LevelFrom)
	}
	// A Signature ID that fits nothing: unknown, every raw field kept.
	if ev := both(t, hub("42", "Mystery", "5", "k=v")); ev.Kind != KindUnknown || ev.CEF == nil || len(ev.CEF.Extensions) != 1 {
		t.Errorf("unknown: %+v", ev)
	}
}

func TestEventJSON(t *testing.T) {
	for in, want := range map[string]string{
		hub("Microsoft-AzureStack-PrivilegedEndpoint: 1000", "PrivilegedEndpointAccessedEvent", "5", "Who=x"): `{"kind":"pep","event_id":1000,"event_name":"PrivilegedEndpointAccessed","level":"warning"}`,
		hub("Microsoft-Windows-GroupPolicy:1501", "Group Policy", "4", "MasLevel=4"):                          `{"kind":"windows","event_id":1501,"event_name":"Group Policy","level":"information","provider_name":"Microsoft-Windows-GroupPolicy"}`,
		hub("Microsoft Azure Stack Hub Alert Creation : FT1", "FT1 : A1", "Information", ""):                  `{"kind":"alert","level":"information","alert_state":"closed","fault_type_id":"FT1","alert_id":"A1"}`,
		hub("ARM", "ARM", "2", "AzsOperationName=op"):                                                         `{"kind":"arm","level":"information"}`,
		hub("Fault", "ServiceFaultOpen", "8", "AzsFaultId=1"):                                                 `{"kind":"service_fault","event_name":"ServiceFaultOpen","level":"error"}`,
	} {
		ev := both(t, in)
		if got := string(ev.AppendJSON(nil)); got != want {
			t.Errorf("%s\n got %s\nwant %s", in, got, want)
		}
	}
}

func TestParseGUID(t *testing.T) {
	for _, bad := range []string{"", "C8F40D7C3764423BA4FAC994442238AF", "C8F40D7C-3764-423B-A4FA-C994442238AG", "{C8F40D7C-3764-423B-A4FA-C994442238AF"} {
		if _, err := ParseGUID(bad); err == nil {
			t.Errorf("ParseGUID(%q) accepted", bad)
		}
	}
	if (GUID{}).String() != "" {
		t.Error("zero GUID string")
	}
}
