@echo off
rem Runs a lab's program:  lab 01 --api dstream   |   lab 01 --solution --api both   |   lab 01 --help
setlocal enabledelayedexpansion
set "ROOT=%~dp0"
if "%~1"=="" ( echo usage: lab NN [--solution] [lab options] 1>&2 & exit /b 2 )
set "N=%~1"
if 1%N% LSS 110 set "N=0%N%"
shift
set "SIDE=labs"
if "%~1"=="--solution" ( set "SIDE=solutions" & shift )
set "DIR="
for /d %%D in ("%ROOT%%SIDE%\lab%N%-*") do set "DIR=%%~nxD"
if "%DIR%"=="" ( echo There is no lab %N% in %SIDE%\ 1>&2 & exit /b 2 )
set "ARGS="
:collect
if "%~1"=="" goto run
set ARGS=!ARGS! %1
shift
goto collect
:run
call "%ROOT%.mvn\run-java.cmd" "%SIDE%/%DIR%" streamlab.lab%N%.Lab%N% !ARGS!
exit /b %errorlevel%
