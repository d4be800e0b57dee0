@echo off
rem Which API keeps up? DStream against Structured Streaming at rising rates: bench --help
rem It runs in the repository's folder: a relative --out is taken from there.
pushd "%~dp0"
call "%~dp0.mvn\run-java.cmd" benchmark streamlab.benchmark.Benchmark %*
set "STATUS=%errorlevel%"
popd
exit /b %STATUS%
