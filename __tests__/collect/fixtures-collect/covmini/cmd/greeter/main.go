// Built as a package (go build ./cmd/greeter): its profile lines carry import paths.
package main

import (
	"fmt"
	"os"
	"syscall"

	"example.com/covmini/pkg/greet"
)

func main() {
	fmt.Println(greet.Hello("e2e"))
	if len(os.Args) > 1 && os.Args[1] == "killed" {
		// A pod killed with SIGKILL: the process never writes its counters.
		_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
	}
}
