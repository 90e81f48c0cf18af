package main

import (
	"fmt"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/siem"
)

// schema is what parse and listen write for each record: the output
// contract's record, a Sentinel CommonSecurityLog row, or an ECS document.
type schema uint8

const (
	schemaContract schema = iota
	schemaCommonSecurityLog
	schemaECS
)

func (s *schema) String() string {
	return [...]string{"contract", "commonsecuritylog", "ecs"}[*s]
}

func (s *schema) Set(v string) error {
	switch v {
	case "contract":
		*s = schemaContract
	case "commonsecuritylog":
		*s = schemaCommonSecurityLog
	case "ecs":
		*s = schemaECS
	default:
		return fmt.Errorf("%q: use contract, commonsecuritylog or ecs", v)
	}
	return nil
}

// appendRecord appends rec as one JSON object of the schema, without a
// newline.
func (s schema) appendRecord(dst []byte, rec *cefsyslog.Record) []byte {
	switch s {
	case schemaCommonSecurityLog:
		return siem.CommonSecurityLog(rec).AppendJSON(dst)
	case schemaECS:
		return siem.ECS(rec).AppendJSON(dst)
	}
	return rec.AppendJSON(dst)
}
