// Package azurestack reads the CEF events Azure Stack Hub forwards over
// syslog into typed events, following the tables of Microsoft's page
// "Integrate Azure Stack Hub with monitoring solutions using syslog
// forwarding" and deciding, in the open, where the page contradicts itself.
//
// Two paths give the same answers. [Classifier] reads an event as a
// [cef.Scanner] scans it and fills a [View] of the caller's bytes without
// allocating; [Classify] takes a parsed [cef.Event] and returns an owned
// [Event] that keeps the CEF event whole. Nothing is ever dropped: an event
// that fits no table is [KindUnknown] with every field still in its CEF
// event.
//
// # Products
//
// An event is Azure Stack's when its vendor is Microsoft and its product
// starts with "Microsoft Azure Stack": "Microsoft Azure Stack Hub" since the
// page's 2020 rename, "Microsoft Azure Stack" before it. "Microsoft Azure
// Stack HCI", the sibling product with the same Windows event mapping, is
// classified too but reported as [HCI], so that callers can keep it apart
// (the root package's records and "cefsyslog parse" carry Hub events only).
//
// # Event kinds
//
// The kind is decided in this order:
//
//	Signature ID                                  Name                          Kind
//	Microsoft-AzureStack-PrivilegedEndpoint: ID   PEP/REP task name             pep (1000–1010, 1017), rep (1011–1016)
//	Microsoft-AzureStack-PrivilegedEndpoint: ...  WAC…Event                     wac, by name: the page gives no IDs
//	Microsoft-AzureStack-PrivilegedEndpoint: ...  anything else                 unknown (an unknown endpoint event)
//	… Alert Creation : FaultTypeId                FaultTypeId : AlertId         alert
//	anything                                      holds DESCRIPTION: or REMEDIATION:   alert (as the page's sample line)
//	anything                                      AuditingManualBackup, …       bcdr
//	anything                                      InfrastructureFaultOpen/Close infrastructure_fault
//	anything                                      ServiceFaultOpen/Close        service_fault
//	anything, with an AzsOperationName or AzsResourceProvider extension  arm
//	ProviderName:EventID (digits after the last colon)                 windows
//	anything else                                                      unknown
//
// REP events carry the PEP prefix; the ID tells them apart. The ARM, BCDR
// and fault schemas list their Azs* properties ([Properties]) but the page
// does not say how they are written in CEF; Name and extensions are the
// likely encoding.
//
// # PEP and REP events
//
//	ID    Event                                      Severity
//	1000  PrivilegedEndpointAccessed                 5
//	1001  SupportSessionTokenRequested               5
//	1002  SupportSessionDevelopmentTokenRequested    5
//	1003  SupportSessionUnlocked                     10
//	1004  SupportSessionFailedToUnlock               10
//	1005  PrivilegedEndpointClosed                   5
//	1006  NewCloudAdminUser                          10
//	1007  RemoveCloudAdminUser                       10
//	1008  SetCloudAdminUserPassword                  5
//	1009  GetCloudAdminPasswordRecoveryToken         10
//	1010  ResetCloudAdminPassword                    10
//	1011  RecoveryEndpointAccessed                   5
//	1012  RecoverySessionTokenRequested              5
//	1013  RecoverySessionDevelopmentTokenRequested   5
//	1014  RecoverySessionUnlocked                    10
//	1015  RecoverySessionFailedToUnlock              10
//	1016  RecoveryEndpointClosed                     5
//	1017  PrivilegedEndpointSessionTimedOut          5
//
// The task name, the CEF Name, is the event name followed by "Event". The
// page calls Who and WhichIP "prefix fields", yet CEF has no such header
// fields: they are read as extensions, their keys in any case, falling back
// to suser or duser for Who and src or dvc for WhichIP. What WhichIP holds
// changed: "the device used to connect to the PEP" (2020), "the ERCS server
// hosting the PEP" (2025).
//
// # Windows events
//
// The Signature ID is "ProviderName:EventID", split at its last colon; the
// Name is the TaskName. The 23 Mas* extensions are typed in [WindowsEvent]:
// IDs as integers, GUIDs as [GUID], MasKeywords as a uint64 from hex
// (0x8000000000000000 overflows int64), MasEventData and MasUserData split
// on "!!". A value that does not fit its type stays as sent and is named in
// WindowsEvent.Invalid.
//
// # Alerts
//
// Created alerts have the Signature ID "Microsoft Azure Stack Hub Alert
// Creation : FaultTypeId", the Name "FaultTypeId : AlertId", a severity of
// 10, 5 or 0 and a MasEventDescription "TITLE: … -- DESCRIPTION: … --
// REMEDIATION: …", split into [Alert]'s Title, Description and
// Remediation. Closed alerts keep the same Signature ID, so their state is
// read from other signs, in this order ([StateReason]):
//
//  1. a Signature ID that says "Alert Clos…": closed;
//  2. the severity word Information, which the page gives closed alerts:
//     closed;
//  3. no MasEventDescription and no "DESCRIPTION:" in the Name: closed;
//  4. otherwise created.
//
// The page's only sample line breaks its own mapping (Signature ID 3, the
// alert's text in the Name, no extensions): it is read as a created alert.
//
// # Levels
//
// An event's [severity.Windows] level is its MasLevel when it has one
// (0–5), else its CEF severity through the page's table (10 Critical,
// 8 Error, 5 Warning, 2 Information, 0 Undefined) or, for other values, the
// severity's band; the word Information gives Information. CEF 0 stands for
// both Undefined and Verbose: only MasLevel tells them apart, and
// [LevelSource] says which answer was used. The forwarder's Default and
// Verbose filters ([severity.Filter]) apply to this level.
package azurestack
