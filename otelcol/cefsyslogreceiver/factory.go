package cefsyslogreceiver

import (
	"context"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/receiver"
)

// typeStr is the receiver's type in a Collector configuration.
var typeStr = component.MustNewType("cefsyslog")

// NewFactory returns the factory of the cefsyslog receiver.
func NewFactory() receiver.Factory {
	return receiver.NewFactory(typeStr,
		func() component.Config { return createDefaultConfig() },
		receiver.WithLogs(createLogs, component.StabilityLevelAlpha))
}

func createLogs(_ context.Context, set receiver.Settings, cfg component.Config, next consumer.Logs) (receiver.Logs, error) {
	return newReceiver(set, cfg.(*Config), next)
}
