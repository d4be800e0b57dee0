@echo off
rem The classroom demo: lab 01's reference answer, DStream and Structured side by side on one replayed
rem text; it stops by itself after 40 s.   demo   |   demo --view web
call "%~dp0lab.cmd" 01 --solution --api both --replay "%~dp0datasets\lines\hamlet.txt" --rate 3 --batch 2 --seconds 40 --mode update %*
exit /b %errorlevel%
