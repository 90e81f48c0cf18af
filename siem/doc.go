// Package siem maps parsed records to the schemas SIEMs store them in:
// Microsoft Sentinel's CommonSecurityLog table and the Elastic Common Schema
// (ECS).
//
// People parse CEF and syslog to load a SIEM, and each writes the mapping
// by hand and gets it subtly wrong: severity words, custom labels, 32-bit
// counters, time zones. [CommonSecurityLog] and [ECS] turn a
// [cefsyslog.Record] into a [Document]: ordered field/value pairs with
// typed values (integers, reals, IP addresses, times) per the schema's
// column or field types, which the caller writes anywhere, or as JSON with
// [Document.AppendJSON].
//
// Nothing is dropped. A value that does not fit its column's type (a port
// that is not a number, a byte count past an int column's 2³¹) is kept as
// a string and listed in [Document.Problems]. Extension keys a schema has
// no place for are kept: in CommonSecurityLog's AdditionalExtensions as
// "key=value" pairs separated by ';', in ECS under cef.extensions. Azure
// Stack Hub's classification goes under one namespace: "azurestack." pairs
// in AdditionalExtensions, the azurestack object in ECS.
//
// # Sources
//
// CommonSecurityLog: Microsoft's CEF-to-column page (Sentinel's
// cef-name-mapping, 2021 and 2023 revisions) and the table reference
// (azure-monitor-ref tables/commonsecuritylog, 2022), whose column spellings
// and types win where the two disagree, since KQL column names are
// case-sensitive. ECS: the decode_cef processor of Elastic Beats (the
// header mapping of decode_cef.go and the extension mapping of
// keys.ecs.go), with the CEF dictionary's full key names as in Beats'
// cef.extensions.
package siem
