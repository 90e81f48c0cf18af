package azurestack

// The tables of Microsoft's page "Integrate Azure Stack Hub with monitoring
// solutions using syslog forwarding" (MicrosoftDocs/azure-stack-docs,
// azure-stack/operator/azure-stack-integrate-security.md), current version
// (ms.date 01/27/2025). Entries that differ between the page's versions are
// marked.

import "github.com/cefsyslog/cefsyslog/severity"

// EndpointEvent is one row of the Privileged Endpoint (PEP) or Recovery
// Endpoint (REP) event tables.
type EndpointEvent struct {
	ID       int          // the event ID after the Signature ID's prefix
	Name     string       // the event: "PrivilegedEndpointAccessed"
	TaskName string       // the PEP or REP task name, the CEF Name: "PrivilegedEndpointAccessedEvent"
	Severity severity.CEF // the severity the table documents
	Recovery bool         // a REP event
}

// endpointEvents holds the PEP and REP tables, indexed by event ID - 1000.
var endpointEvents = [...]EndpointEvent{
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
	{1011, "RecoveryEndpointAccessed", "RecoveryEndpointAccessedEvent", 5, true},
	{1012, "RecoverySessionTokenRequested", "RecoverySessionTokenRequestedEvent", 5, true},
	{1013, "RecoverySessionDevelopmentTokenRequested", "RecoverySessionDevelopmentTokenRequestedEvent", 5, true},
	{1014, "RecoverySessionUnlocked", "RecoverySessionUnlockedEvent", 10, true},
	{1015, "RecoverySessionFailedToUnlock", "RecoverySessionFailedToUnlockEvent", 10, true},
	// The page's event-types table prints it "Recovand
	// RecoveryEndpointClosed", a typo.
	{1016, "RecoveryEndpointClosed", "RecoveryEndpointClosedEvent", 5, true},
	// Added by the page's 01/2020 version.
	{1017, "PrivilegedEndpointSessionTimedOut", "PrivilegedEndpointSessionTimedOutEvent", 5, false},
}

// LookupEndpoint returns the row of the PEP or REP table for an event ID.
// PEP events are 1000–1010 and 1017, REP events 1011–1016; both carry the
// PEP Signature ID prefix.
func LookupEndpoint(id int) (EndpointEvent, bool) {
	if id < 1000 || id-1000 >= len(endpointEvents) {
		return EndpointEvent{}, false
	}
	return endpointEvents[id-1000], true
}

// wacEvents lists the PEP WAC event names of the page's event-types table
// (versions of 06/2020 on). No public source gives their IDs or
// severities, so they are told by name.
var wacEvents = [...]string{
	"WACServiceStartFailedEvent",
	"WACConnectedUserNotRetrievedEvent",
	"WACEnableExceptionEvent",
	"WACUserAddedEvent",
	"WACAddUserToLocalGroupFailedEvent",
	"WACIsUserInLocalGroupFailedEvent",
	"WACServiceStartTimeoutEvent",
	"WACServiceStartInvalidOperationEvent",
	"WACGetSidFromUserFailedEvent",
	"WACDisableFirewallFailedEvent",
	"WACCreateLocalGroupIfNotExistFailedEvent",
	"WACEnableFlagIsTrueEvent",
	"WACEnableFlagIsFalseEvent",
	"WACServiceStartedEvent",
}

// isWAC reports whether name is one of the WAC event names.
func isWAC[T string | []byte](name T) bool {
	for _, w := range wacEvents {
		if string(name) == w {
			return true
		}
	}
	return false
}

// nameKind returns the kind of the event names the event-types table lists
// as message schemas: the BCDR events and the fault events.
func nameKind[T string | []byte](name T) Kind {
	switch string(name) {
	case "AuditingManualBackup", "AuditingConfig", "AuditingPruneBackupStore":
		return KindBCDR
	case "InfrastructureFaultOpen", "InfrastructureFaultClose":
		return KindInfrastructureFault
	case "ServiceFaultOpen", "ServiceFaultClose":
		return KindServiceFault
	}
	return KindUnknown
}

// armProperties lists the 29 properties of ARM events, in the page's order.
var armProperties = [...]string{
	"AzsSubscriptionId", "AzsCorrelationId", "AzsPrincipalOid", "AzsPrincipalPuid", "AzsTenantId",
	"AzsOperationName", "AzsOperationId", "AzsEventSource", "AzsDescription", "AzsResourceProvider",
	"AzsResourceUri", "AzsEventName", "AzsEventInstanceId", "AzsChannels", "AzsEventLevel",
	"AzsStatus", "AzsSubStatus", "AzsClaims", "AzsAuthorization", "AzsHttpRequest",
	"AzsProperties", "AzsEventTimestamp", "AzsAudience", "AzsIssuer", "AzsIssuedAt",
	"AzsApplicationId", "AzsUniqueTokenId", "AzsArmServiceRequestId", "AzsEventCategory",
}

// faultProperties lists the properties of the fault and BCDR schemas.
var faultProperties = map[string][]string{
	"AuditingManualBackup":     nil,
	"AuditingConfig":           {"Interval", "Retention", "IsSchedulerEnabled", "BackupPath"},
	"AuditingPruneBackupStore": {"IsInternalStore"},
	"InfrastructureFaultOpen":  {"AzsFaultId", "AzsFaultTypeName", "AzsComponentType", "AzsComponentName", "AzsFaultHash", "AzsCreatedTimeUtc", "AzsSource"},
	"InfrastructureFaultClose": {"AzsFaultId", "AzsFaultTypeName", "AzsComponentType", "AzsComponentName", "AzsFaultHash", "AzsLastUpdatedTimeUtc", "AzsSource"},
	// The page leaves out the comma after AzsResourceId.
	"ServiceFaultOpen":  {"AzsFaultId", "AzsFaultTypeName", "AzsSubscriptionId", "AzsResourceGroup", "AzsServiceName", "AzsResourceId", "AzsFaultHash", "AzsCreatedTimeUtc", "AzsSource"},
	"ServiceFaultClose": {"AzsFaultId", "AzsFaultTypeName", "AzsSubscriptionId", "AzsResourceGroup", "AzsServiceName", "AzsResourceId", "AzsFaultHash", "AzsLastUpdatedTimeUtc", "AzsSource"},
}

// Properties returns the properties the page's schema lists for an ARM,
// BCDR or fault event name (for ARM events, pass "ARM"), and whether the
// name is one of them. Callers must not modify the slice.
func Properties(name string) ([]string, bool) {
	if name == "ARM" {
		return armProperties[:], true
	}
	p, ok := faultProperties[name]
	return p, ok
}

// masKeys lists the 23 custom extensions of Windows events, in the page's
// order.
var masKeys = [...]string{
	"MasChannel", "MasComputer", "MasCorrelationActivityID", "MasCorrelationRelatedActivityID",
	"MasEventData", "MasEventDescription", "MasEventID", "MasEventRecordID",
	"MasExecutionProcessID", "MasExecutionThreadID", "MasKeywords", "MasKeywordName",
	"MasLevel", "MasOpcode", "MasOpcodeName", "MasProviderEventSourceName",
	"MasProviderGuid", "MasProviderName", "MasSecurityUserId", "MasTask",
	"MasTaskCategory", "MasUserData", "MasVersion",
}

// Signature ID prefixes.
const (
	// pepPrefix starts the Signature ID of PEP, REP and WAC events; the
	// event ID follows after a space.
	pepPrefix = "Microsoft-AzureStack-PrivilegedEndpoint:"
	// Alerts' Signature IDs, before and after the product's 2020 rename.
	hubAlertPrefix = "Microsoft Azure Stack Hub Alert "
	oldAlertPrefix = "Microsoft Azure Stack Alert "
)
