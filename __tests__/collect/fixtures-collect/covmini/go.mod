module example.com/covmini

go 1.21
