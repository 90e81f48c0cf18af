// Package severity holds the severity scales syslog and CEF events carry,
// the conversions between them that Azure Stack Hub documents, and the
// output filter of its syslog forwarder. Everything is tables and switches:
// nothing allocates.
//
// # Scales
//
//   - [CEF]: a CEF header Severity, 0–10. The words Unknown, Low, Medium,
//     High and Very-High name [Band]s: 0–3 Low, 4–6 Medium, 7–8 High, 9–10
//     Very-High.
//   - [Syslog]: RFC 5424 §6.2.1, 0 Emergency, 1 Alert, 2 Critical, 3 Error,
//     4 Warning, 5 Notice, 6 Informational, 7 Debug.
//   - [Windows]: a Windows event level, as the MasLevel extension carries
//     it: 0 Undefined (LogAlways), 1 Critical, 2 Error, 3 Warning,
//     4 Information, 5 Verbose.
//
// Each scale is a small integer type with String, AppendText and
// UnmarshalText (digits, and names in any case), as log/slog's Level is.
//
// # Azure Stack Hub and HCI
//
// Microsoft's forwarding pages give one table for Windows events, PEP and
// REP events (the Hub page) and its PRI column (the HCI page):
//
//	Windows level   MasLevel   CEF severity   syslog severity (HCI PRI)
//	Undefined       0          0              7 Debug
//	Critical        1          10             2 Critical
//	Error           2          8              3 Error
//	Warning         3          5              4 Warning
//	Information     4          2              6 Informational
//	Verbose         5          0              7 Debug
//
// Alerts use 0, 10 and 5 of the same column; closed alerts send the word
// Information, which is no CEF severity (the azurestack package reads it).
//
// [CEFOf] and [SyslogOf] read the table forwards. Backwards it is lossy:
// CEF 0 and syslog 7 stand for both Undefined and Verbose, so [WindowsOf]
// and [WindowsOfSyslog] report whether their answer is exact, and an
// event's MasLevel settles the doubt when it has one. CEF values the table
// does not have take the level of their band ([WindowsOfBand]: Low
// Information, Medium Warning, High Error, Very-High Critical). Syslog
// Emergency and Alert count as Critical, Notice as Information.
//
// # Forwarder output severity
//
// Set-SyslogServer -OutputSeverity chooses what Azure Stack Hub forwards:
// [Default] sends critical, error and warning events; [Verbose] sends every
// level. [Filter.Pass] applies it to a level; the root package applies it to
// a parsed record, and "cefsyslog parse --output-severity" to a stream.
package severity
