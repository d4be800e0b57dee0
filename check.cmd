@echo off
rem Checks your own work in labs\:   check 03   |   check 03 dstream   |   check
call "%~dp0.mvn\run-java.cmd" grading streamlab.grading.Grade check %*
exit /b %errorlevel%
