#!/bin/sh
case "$1" in
  acc) echo "ACCEPT" ;;
  acct) echo "accept transport=t2 data=\"some data\"" ;;
  hosts) echo "ACCEPT hosts=192.0.2.1:192.0.2.2 lookup=byname" ;;
  dec) echo "DECLINE" ;;
  pass) echo "PASS" ;;
  fail) echo "FAIL no such user here" ;;
  defer) echo "DEFER try later" ;;
  freeze) echo "FREEZE frozen" ;;
  redir) echo "REDIRECT a1@test.example, a2" ;;
  badredir) echo "REDIRECT |/bin/x" ;;
  bad) echo "WHAT is this" ;;
  empty) ;;
  exit) echo "ACCEPT"; exit 3 ;;
  spaces) echo "   Accept   data=x   " ;;
  *) echo "DECLINE" ;;
esac
