module example.com/goparseroracle

go 1.20
