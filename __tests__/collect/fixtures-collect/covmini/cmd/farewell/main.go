// Built from its file name (go build ./cmd/farewell/main.go): its profile lines carry the
// filesystem path it was built at.
package main

import (
	"fmt"

	"example.com/covmini/pkg/greet"
)

func main() {
	fmt.Println(greet.Hello(""))
	fmt.Println(greet.Farewell("e2e"))
}
