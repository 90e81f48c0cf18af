package cefsyslogreceiver

import (
	"errors"
	"fmt"
	"time"

	"go.opentelemetry.io/collector/config/confignet"
	"go.opentelemetry.io/collector/config/configoptional"
	"go.opentelemetry.io/collector/config/configtls"
)

// Config is the receiver's configuration.
type Config struct {
	// TCPAddrConfig holds endpoint, the TCP address to listen on.
	confignet.TCPAddrConfig `mapstructure:",squash"`
	// TLS, when present, makes the endpoint a TLS one (RFC 5425): the
	// Collector's server TLS settings, with client_ca_file for mutual
	// authentication, min_version and max_version, and reloading.
	TLS configoptional.Optional[configtls.ServerConfig] `mapstructure:"tls"`
	// Framing is how messages are delimited on a connection: auto (octet
	// counting when a connection starts with a digit), octet_counting,
	// lf or nul.
	Framing string `mapstructure:"framing"`
	// MaxMessageSize is the longest message read in full, in bytes; a
	// longer one is cut and carries an error.
	MaxMessageSize int `mapstructure:"max_message_size"`
	// MaxConnections is how many connections are served at once; more
	// are closed at once.
	MaxConnections int `mapstructure:"max_connections"`
	// IdleTimeout closes a connection that sends nothing for this long;
	// zero never does.
	IdleTimeout time.Duration `mapstructure:"idle_timeout"`
	// Format reads every message as auto (detected per message), rfc5424,
	// rfc3164 or cef.
	Format string `mapstructure:"format"`
	// Location is the time zone of timestamps without an offset, such as
	// "Europe/Berlin"; empty is UTC.
	Location string `mapstructure:"location"`
	// AzureStackHub adds the Azure Stack Hub classification of events
	// from Azure Stack Hub under azurestack.* attributes.
	AzureStackHub bool `mapstructure:"azure_stack_hub"`
	// Attributes names the syslog attributes: otel (syslog.*) or
	// syslogreceiver (the contrib syslog receiver's flat names, for users
	// who migrate from it).
	Attributes string `mapstructure:"attributes"`
	// KeepOriginal adds the message as received in log.record.original.
	KeepOriginal bool `mapstructure:"keep_original"`
	// MaxBatchSize is the most log records sent to the next consumer at
	// once from one connection; MaxBatchDelay the longest a record waits
	// for its batch to fill.
	MaxBatchSize  int           `mapstructure:"max_batch_size"`
	MaxBatchDelay time.Duration `mapstructure:"max_batch_delay"`
	// OnError says what to do with a message that cannot be read in full:
	// send (a record with the raw message as body and an error attribute)
	// or drop (counted in the receiver's refused records).
	OnError string `mapstructure:"on_error"`
}

func createDefaultConfig() *Config {
	return &Config{
		TCPAddrConfig:  confignet.TCPAddrConfig{Endpoint: "localhost:6514"},
		Framing:        "auto",
		MaxMessageSize: 64 << 10,
		MaxConnections: 1024,
		IdleTimeout:    10 * time.Minute,
		Format:         "auto",
		Attributes:     "otel",
		MaxBatchSize:   100,
		MaxBatchDelay:  200 * time.Millisecond,
		OnError:        "send",
	}
}

// Validate checks the configuration.
func (c *Config) Validate() error {
	var errs []error
	if c.Endpoint == "" {
		errs = append(errs, errors.New("endpoint must be set"))
	}
	check := func(name, v string, allowed ...string) {
		for _, a := range allowed {
			if v == a {
				return
			}
		}
		errs = append(errs, fmt.Errorf("%s %q: use one of %v", name, v, allowed))
	}
	check("framing", c.Framing, "auto", "octet_counting", "lf", "nul")
	check("format", c.Format, "auto", "rfc5424", "rfc3164", "cef")
	check("attributes", c.Attributes, "otel", "syslogreceiver")
	check("on_error", c.OnError, "send", "drop")
	if c.MaxMessageSize <= 0 || c.MaxMessageSize > 1<<30 {
		errs = append(errs, fmt.Errorf("max_message_size %d is out of range", c.MaxMessageSize))
	}
	if c.MaxConnections <= 0 {
		errs = append(errs, fmt.Errorf("max_connections %d must be positive", c.MaxConnections))
	}
	if c.MaxBatchSize <= 0 {
		errs = append(errs, fmt.Errorf("max_batch_size %d must be positive", c.MaxBatchSize))
	}
	if c.IdleTimeout < 0 || c.MaxBatchDelay < 0 {
		errs = append(errs, errors.New("idle_timeout and max_batch_delay must not be negative"))
	}
	if _, err := time.LoadLocation(c.Location); err != nil {
		errs = append(errs, fmt.Errorf("location: %w", err))
	}
	return errors.Join(errs...)
}
