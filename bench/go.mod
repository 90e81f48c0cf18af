module github.com/cefsyslog/cefsyslog/bench

go 1.26

replace github.com/cefsyslog/cefsyslog => ../
