# papi: quick start is `make demo` and `make test` on a fresh machine.
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
PAPI := .build/release/papi
BENCH_ROWS ?= 1000000
BENCH_PAIRS ?= 5

SHOTS := .build/report-samples
SHARED_DATA := ../shared/data/papi-provincial-2011-2024.csv

.PHONY: deps build demo test test-venv lint format docs bench bench-scaling clean screenshot fuzz fuzz-build \
  install install-files uninstall install-check

# System libraries the package links: libcsv (CSV parsing), SQLite (the store, through
# GRDB), libxml2 (the streaming XML parser of workbooks) and zlib (ZIPFoundation's inflate).
# Installed when missing.
deps:
	@missing=""; \
	[ -f /usr/include/csv.h ] || missing="$$missing libcsv-dev"; \
	[ -f /usr/include/sqlite3.h ] || missing="$$missing libsqlite3-dev"; \
	[ -f /usr/include/libxml2/libxml/parser.h ] || missing="$$missing libxml2-dev"; \
	[ -f /usr/include/zlib.h ] || missing="$$missing zlib1g-dev"; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi

# The Swift runtime and Foundation are linked in (--static-swift-stdlib): the binary runs,
# installed or copied, on a machine without the Swift toolchain (it needs only libc,
# libstdc++, libsqlite3, libcsv, libxml2 and zlib, which Debian has).
build: deps
	swift build -c release --product papi --static-swift-stdlib

demo: build
	@echo "== papi validate: the KoboToolbox, ODK Central and LimeSurvey samples"
	$(PAPI) validate samples/kobo-kontum-2024.csv samples/odk-quangtri-2024.csv -q questionnaires/papi-2024.yaml
	$(PAPI) validate samples/sipas-limesurvey-2024.csv -q questionnaires/sipas-2024.yaml
	@echo
	@echo "== papi score: commune scores of the KoboToolbox sample (Kon Tum)"
	$(PAPI) score samples/kobo-kontum-2024.csv -q questionnaires/papi-2024.yaml
	@echo
	@echo "== papi score: one commune in detail, in English"
	$(PAPI) score samples/kobo-kontum-2024.csv -q questionnaires/papi-2024.yaml --lang en \
	  --unit $$($(PAPI) score samples/kobo-kontum-2024.csv -q questionnaires/papi-2024.yaml --format json \
	    | python3 -c 'import json,sys; print(json.load(sys.stdin)["units"][0]["code"])')
	@echo
	@echo "== papi score: both provinces at province level (computed from respondents)"
	$(PAPI) score samples/kobo-kontum-2024.csv samples/odk-quangtri-2024.csv -q questionnaires/papi-2024.yaml --level province
	@echo
	@echo "== papi score: the same provinces under their sample design, villages as clusters (an office's copy of the"
	@echo "   questionnaire with 'cluster: village' under 'respondent:'): the same scores, wider intervals with t and"
	@echo "   clusters − 1 degrees of freedom, and Kon Tum in detail with each estimate's effective n"
	sed 's/^  weight: weight$$/  weight: weight\n  cluster: village/' questionnaires/papi-2024.yaml > .build/papi-2024-thon.yaml
	$(PAPI) score samples/kobo-kontum-2024.csv samples/odk-quangtri-2024.csv -q .build/papi-2024-thon.yaml --level province
	$(PAPI) score samples/kobo-kontum-2024.csv -q .build/papi-2024-thon.yaml --unit 62 | sed -n '/^Kon Tum (62)/,$$p' | head -8
	@echo
	@echo "== papi score: SIPAS satisfaction by commune (LimeSurvey export)"
	$(PAPI) score samples/sipas-limesurvey-2024.csv -q questionnaires/sipas-2024.yaml
	@echo
	@echo "== papi import: two waves into a fresh papi.db, with the unit registers and the 2025 crosswalk"
	rm -f papi.db
	$(PAPI) units load samples/units-2024.csv --set 2024
	$(PAPI) units load samples/units-2025.csv --set 2025
	$(PAPI) units crosswalk samples/crosswalk-2025.csv --to 2025
	$(PAPI) import samples/kobo-kontum-2023.csv -q questionnaires/papi-2024.yaml --wave 2023 --units 2024
	$(PAPI) import samples/kobo-kontum-2024.csv samples/odk-quangtri-2024.csv -q questionnaires/papi-2024.yaml --wave 2024 --units 2024
	$(PAPI) import samples/kobo-kontum-2024.csv -q questionnaires/papi-2024.yaml --wave 2024
	$(PAPI) feedback import samples/petitions-2024.csv --wave 2024
	$(PAPI) waves
	$(PAPI) imports --wave 2024
	@echo
	@echo "== papi score from the store: wave 2024 and wave 2023 by commune"
	$(PAPI) score --wave 2024
	$(PAPI) score --wave 2023
	@echo
	@echo "== papi score: wave 2023 on the communes after the 2025 merger (derived through the crosswalk)"
	$(PAPI) score --wave 2023 --as-of-units 2025
	@echo
	@echo "== papi report: the weakness report of the sample communes against samples/targets.yaml, 2024 vs 2023"
	@if [ -f $(SHARED_DATA) ]; then $(PAPI) benchmarks load $(SHARED_DATA) --name papi-official; \
	else echo "make: $(SHARED_DATA) is not here (it comes with the workspace, not this repository):"; \
	  echo "      the report runs without the published PAPI scores, and the province report below is skipped"; fi
	$(PAPI) report --wave 2024 --compare 2023 --targets samples/targets.yaml
	@echo "== papi report as HTML (open report.html in a browser; it prints on A4)"
	$(PAPI) report --wave 2024 --compare 2023 --targets samples/targets.yaml --format html --out report.html
	@echo
	@echo "== papi report: provinces from the published PAPI 2024 scores alone, top 10 and no lower than 2023"
	@if [ -f $(SHARED_DATA) ]; then \
	  set -x; $(PAPI) report --published papi-official --wave 2024 --targets samples/targets-provinces.yaml --unit 62; \
	else echo "make: skipped: it needs $(SHARED_DATA), which is not here"; fi
	@echo
	@echo "== papi feedback: petitions and survey comments by PAPI dimension, personal data masked"
	$(PAPI) feedback classify samples/petitions-2024.csv | tail -12
	$(PAPI) feedback report --wave 2024 --unit 19369
	$(PAPI) feedback report --wave 2024 --format html --out feedback.html
	@echo
	@echo "== papi validate: a deliberately broken export (errors expected)"
	$(PAPI) validate samples/broken/faults.csv -q questionnaires/papi-2024.yaml \
	  || echo "make: papi validate exited $$? on this broken file, as it should"
	$(PAPI) validate samples/broken/cp1258-undeclared.csv -q questionnaires/papi-2024.yaml \
	  || echo "make: papi validate exited $$? on this broken file, as it should"
	$(PAPI) validate samples/broken/cp1258-undeclared.csv -q questionnaires/papi-2024.yaml --encoding cp1258
	@echo
	@echo "== papi plan: the 2023 flags became actions in January 2024; the 2024 survey re-measures them"
	$(PAPI) plan --wave 2023 --targets samples/targets.yaml --start 08/01/2024 --by "Sở Nội vụ" | head -2
	@id=$$($(PAPI) actions list --wave 2023 --unit 23491 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["actions"][0]["id"])'); \
	  set -x; \
	  $(PAPI) actions update $$id --status "đang thực hiện" --note "Đã họp dân ở 4 thôn" --by "UBND xã Đắk Pnê"; \
	  $(PAPI) actions update $$id --status xong --note "Hoàn thành, có biên bản" --by "UBND xã Đắk Pnê"; \
	  $(PAPI) actions show $$id --today 31/12/2024
	$(PAPI) actions list --wave 2023 --unit 23491 --today 31/12/2024 --lang en
	@echo
	@echo "== papi plan: the improvement plan of wave 2024, deadlines from 6 January 2025 (document and register)"
	$(PAPI) plan --wave 2024 --targets samples/targets.yaml --start 06/01/2025 --today 28/02/2025 --by "Sở Nội vụ" | head -2
	@echo "== the plan in the official form (Word, to sign; HTML and Markdown) and the register for Excel"
	$(PAPI) plan --wave 2024 --targets samples/targets.yaml --start 06/01/2025 --today 28/02/2025 --format docx --out plan.docx
	$(PAPI) plan --wave 2024 --targets samples/targets.yaml --start 06/01/2025 --today 28/02/2025 --format md --out plan.md
	$(PAPI) plan --wave 2024 --targets samples/targets.yaml --start 06/01/2025 --today 28/02/2025 --format html --out plan.html
	$(PAPI) actions list --wave 2024 --today 28/02/2025 --format xlsx --out actions.xlsx
	$(PAPI) actions list --wave 2024 --today 28/02/2025 --format csv --excel --out actions.csv
	@echo
	@echo "== papi actions: what Phòng Tư pháp has to do, and every overdue action of wave 2024 as of 28/02/2025"
	$(PAPI) actions list --wave 2024 --agency "tư pháp" --today 28/02/2025
	$(PAPI) actions list --wave 2024 --overdue --today 28/02/2025
	@echo
	@echo "== papi par: the PAR INDEX 2023 of two Kon Tum districts as the seed reports state it, and Kon Rẫy's 2022"
	@echo "   from its footnote; the warnings are the reports' own figures that do not add up (field 6, 8,68%, 81,22)"
	$(PAPI) par import samples/par-kontum-2022.csv -c questionnaires/par-kontum-huyen-2023.yaml --year 2022
	$(PAPI) par import samples/par-kontum-2023.csv -c questionnaires/par-kontum-huyen-2023.yaml --year 2023
	@echo "== Kon Rẫy's report (seed 004: 89,21/97 → 91,969, Xuất sắc, field 3: 16/18; 2022: 86,471)"
	$(PAPI) par report --year 2023 --unit 614 --target-rank 1
	@echo "== Đắk Glei's report in the seed's words, for Word; the plan of every lost criterion, dated as the seeds'"
	@echo "   (15 February 2024, so the district offices lead; a plan dated after 1 July 2025 names their successors)"
	$(PAPI) par report --year 2023 --unit 610 --format docx --out par-dakglei-2023.docx
	$(PAPI) par plan --year 2023 --start 15/02/2024 --today 15/02/2024 | head -12
	$(PAPI) actions list --wave 2023 --agency "tư pháp" --today 15/02/2024 | head -8
	@echo
	@echo "== papi init: a working folder for an office (.build/demo-office), and its report of one commune"
	@rm -rf .build/demo-office
	$(PAPI) init .build/demo-office
	cd .build/demo-office && $(CURDIR)/$(PAPI) report --wave 2024 --targets chi-tieu.yaml --db $(CURDIR)/papi.db --unit 23491
	@echo
	@echo "== a commune's own plan of 2026 (Xã Mường Hoong, in its own folder and database, with its issuer profile):"
	@echo "   dated after 1 July 2025, it names the bodies of the two-tier government only"
	cp samples/co-quan-ban-hanh.yaml .build/demo-office/co-quan-ban-hanh.yaml
	cd .build/demo-office && for wave in 2023 2024; do \
	  $(CURDIR)/$(PAPI) import $(CURDIR)/samples/kobo-kontum-$$wave.csv -q bang-hoi-papi-2024.yaml --wave $$wave > /dev/null || exit 1; done
	cd .build/demo-office && $(CURDIR)/$(PAPI) plan --wave 2024 --targets $(CURDIR)/samples/targets.yaml --unit 23362 \
	  --start 05/01/2026 --issuer co-quan-ban-hanh.yaml --format docx --out $(CURDIR)/ke-hoach-xa-2026.docx

test: deps lint screenshot docs install-check test-venv
	$(TEST_VENV)/bin/python Scripts/check-par-data.py
	$(TEST_VENV)/bin/python Tests/Independent/design_check.py --papi $(PAPI)
	swift test
	$(MAKE) fuzz FUZZ_SECONDS=$(FUZZ_TEST_SECONDS)

# The Python tools the tests run (Tests/requirements.txt: openpyxl, which reads back the
# .xlsx files papi writes), in a virtual environment of their own, made again when the
# requirements change. A test that needs it fails, not skips, when it is missing.
TEST_VENV := .build/test-venv
test-venv: $(TEST_VENV)/.ready

$(TEST_VENV)/.ready: Tests/requirements.txt
	rm -rf $(TEST_VENV)
	python3 -m venv $(TEST_VENV)
	$(TEST_VENV)/bin/pip install -q -r Tests/requirements.txt
	touch $@

# `make install` puts papi in PREFIX (default /usr/local; `make install PREFIX=$HOME/.local`
# for one user) and nowhere else: the binary, papi's own files in share/papi (found next to
# the bin/ papi runs from, so the installed papi works from any folder), the man pages in
# Vietnamese (papi.1) and English (papi.en.1), and the bash, zsh and fish completions.
# DESTDIR is put before every path, for packaging. `make uninstall` with the same PREFIX
# and DESTDIR removes exactly these files and share/papi; the standard folders stay.
PREFIX ?= /usr/local
DESTDIR ?=
RESOURCES := .build/release/papi_PapiKit.resources/questionnaires
INSTALL_FILES := .build/install-files
INSTALLED := bin/papi share/man/man1/papi.1 share/man/man1/papi.en.1 \
  share/bash-completion/completions/papi share/zsh/site-functions/_papi \
  share/fish/vendor_completions.d/papi.fish

# Under sudo, papi is not built again (root would own files in .build/ and may not have
# swift on its PATH): `make build` as yourself first.
install:
	@if [ -n "$$SUDO_USER" ] && [ "$$(id -u)" -eq 0 ]; then \
	  [ -x $(PAPI) ] || { echo "make: build papi as yourself first (make build), then sudo make install"; exit 1; }; \
	else $(MAKE) --no-print-directory build; fi
	@$(MAKE) --no-print-directory install-files
	install -Dm755 -s $(PAPI) "$(DESTDIR)$(PREFIX)/bin/papi"
	rm -rf "$(DESTDIR)$(PREFIX)/share/papi"
	@for file in $$(find $(RESOURCES) -type f -printf '%P\n' | sort); do \
	  echo "install -Dm644 $(RESOURCES)/$$file \"$(DESTDIR)$(PREFIX)/share/papi/questionnaires/$$file\""; \
	  install -Dm644 $(RESOURCES)/$$file "$(DESTDIR)$(PREFIX)/share/papi/questionnaires/$$file" || exit 1; \
	done
	install -Dm644 $(INSTALL_FILES)/papi.1 "$(DESTDIR)$(PREFIX)/share/man/man1/papi.1"
	install -Dm644 $(INSTALL_FILES)/papi.en.1 "$(DESTDIR)$(PREFIX)/share/man/man1/papi.en.1"
	install -Dm644 $(INSTALL_FILES)/papi.bash "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/papi"
	install -Dm644 $(INSTALL_FILES)/_papi "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_papi"
	install -Dm644 $(INSTALL_FILES)/papi.fish "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/papi.fish"
	@echo "make: installed papi in $(DESTDIR)$(PREFIX) (man papi, man papi.en; make uninstall removes it)"

# What `make install` generates, in .build/install-files/, made again each time (PREFIX is
# written into the man pages): the man pages, written by Scripts/make-man.py from papi's own
# help (`--experimental-dump-help`, in the language PAPI_LANG asks for) so they say what
# `papi COMMAND --help` says, with the examples of README.md; and the completion scripts,
# written by papi itself (swift-argument-parser), their descriptions in Vietnamese.
install-files:
	@[ -x $(PAPI) ] && [ -d $(RESOURCES) ] || { echo "make: $(PAPI) or $(RESOURCES) is missing (make build)"; exit 1; }
	@mkdir -p $(INSTALL_FILES)
	@set -o pipefail; version=$$($(PAPI) --version) && date=$$(git log -1 --format=%cs 2>/dev/null || true) || exit 1; \
	for lang in vi en; do \
	  page=$(INSTALL_FILES)/papi$$([ $$lang = vi ] || echo .$$lang).1; \
	  PAPI_LANG=$$lang $(PAPI) --experimental-dump-help \
	    | python3 Scripts/make-man.py --lang $$lang --readme README.md --version "$$version" --date "$$date" \
	      --prefix "$(PREFIX)" > $$page.tmp && mv $$page.tmp $$page || exit 1; \
	done
	@PAPI_LANG=vi $(PAPI) --generate-completion-script bash > $(INSTALL_FILES)/papi.bash
	@PAPI_LANG=vi $(PAPI) --generate-completion-script zsh > $(INSTALL_FILES)/_papi
	@PAPI_LANG=vi $(PAPI) --generate-completion-script fish > $(INSTALL_FILES)/papi.fish
	@echo "make: wrote papi.1, papi.en.1 and the bash, zsh and fish completions in $(INSTALL_FILES)"

uninstall:
	rm -f $(foreach file,$(INSTALLED),"$(DESTDIR)$(PREFIX)/$(file)")
	rm -rf "$(DESTDIR)$(PREFIX)/share/papi"
	@echo "make: removed papi from $(DESTDIR)$(PREFIX)"

# `make install` into a scratch DESTDIR (.build/install-check), checked as a user would meet
# it: the installed papi runs from another folder and finds its questionnaires in
# share/papi, the man pages render without a warning (man-db and groff with every warning
# on, `-ww`: groff's `all` leaves out unknown macros; man-db and groff are installed when
# missing, mandoc's lint runs too when it is there), bash completes `papi sc` to `papi score`,
# and exactly the expected files are there; then `make uninstall` leaves no file behind.
INSTALL_CHECK := $(CURDIR)/.build/install-check
CHECK_PREFIX := /usr/local

install-check: build
	@command -v man >/dev/null 2>&1 && command -v groff >/dev/null 2>&1 || { echo "make: installing man-db groff-base"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq man-db groff-base; }
	@set -o pipefail; dest=$(INSTALL_CHECK); root=$$dest$(CHECK_PREFIX); \
	ok() { echo "make: install-check: $$*"; }; \
	fail() { echo "make: install-check FAILED: $$*"; exit 1; }; \
	rm -rf $$dest $$dest.log; mkdir -p $$dest; \
	$(MAKE) --no-print-directory -o build install PREFIX=$(CHECK_PREFIX) DESTDIR=$$dest > $$dest.log 2>&1 \
	  || { cat $$dest.log; fail "make install PREFIX=$(CHECK_PREFIX) DESTDIR=$$dest"; }; \
	ok "make install PREFIX=$(CHECK_PREFIX) DESTDIR=$$dest"; \
	expected=$$( { for file in $(INSTALLED); do echo $${file}; done; \
	  find $(RESOURCES) -type f -printf 'share/papi/questionnaires/%P\n'; } | sed 's|^|$(CHECK_PREFIX:/%=%)/|' | sort); \
	found=$$(cd $$dest && find . ! -type d | sed 's|^\./||' | sort); \
	[ "$$found" = "$$expected" ] || { diff <(echo "$$expected") <(echo "$$found"); fail "the installed files are not the expected ones (< expected, > installed)"; }; \
	ok "installed exactly the $$(echo "$$expected" | wc -l) expected files"; \
	[ "$$(stat -c %a $$root/bin/papi)" = 755 ] || fail "bin/papi has mode $$(stat -c %a $$root/bin/papi), not 755"; \
	ok "bin/papi has mode 755"; \
	! ldd $$root/bin/papi | grep -E "libswift|libFoundation" || fail "bin/papi needs the Swift toolchain's libraries"; \
	ok "bin/papi needs no Swift library (ldd: $$(ldd $$root/bin/papi | awk '{print $$1}' | grep -v vdso | tr '\n' ' '))"; \
	elsewhere=$$(mktemp -d); trap 'rm -rf "$$elsewhere"' EXIT; \
	version=$$(cd $$elsewhere && $$root/bin/papi --version) || fail "papi --version, from $$elsewhere"; \
	ok "papi --version from another folder: $$version"; \
	(cd $$elsewhere && $$root/bin/papi score --help > /dev/null) || fail "papi score --help, from $$elsewhere"; \
	ok "papi score --help from another folder"; \
	(cd $$elsewhere && $$root/bin/papi validate $(CURDIR)/samples/kobo-kontum-2024.csv -q papi-2024 > $$elsewhere/validate.out 2>&1) \
	  || { cat $$elsewhere/validate.out; fail "papi validate samples/kobo-kontum-2024.csv -q papi-2024, from $$elsewhere"; }; \
	grep -q "$(CHECK_PREFIX)/share/papi/questionnaires/papi-2024.yaml" $$elsewhere/validate.out \
	  || { cat $$elsewhere/validate.out; fail "papi validate -q papi-2024 did not say it used share/papi/questionnaires/papi-2024.yaml"; }; \
	ok "papi validate -q papi-2024 from another folder used $(CHECK_PREFIX)/share/papi/questionnaires/papi-2024.yaml"; \
	for page in papi.1 papi.en.1; do \
	  file=$$root/share/man/man1/$$page; \
	  warnings=$$(MANWIDTH=80 man --warnings=w -l $$file 2>&1 > $$elsewhere/$$page.txt; \
	    groff -k -ww -Tutf8 -man -z $$file 2>&1; \
	    if command -v mandoc >/dev/null 2>&1; then mandoc -Tlint -W warning $$file 2>&1; fi); \
	  [ -z "$$warnings" ] || { echo "$$warnings"; fail "man -l $$file warns"; }; \
	  heading=$$([ $$page = papi.1 ] && echo "TRẠNG THÁI THOÁT" || echo "EXIT STATUS"); \
	  grep -q "^$$heading" $$elsewhere/$$page.txt && grep -q "papi actions update" $$elsewhere/$$page.txt \
	    || fail "man -l $$file has no $$heading section or no papi actions update"; \
	  ok "man -l share/man/man1/$$page renders without warnings ($$(wc -l < $$elsewhere/$$page.txt) lines, $$heading)"; \
	done; \
	bash -c 'source "$$1" && complete -p papi' bash $$root/share/bash-completion/completions/papi | grep -q -- "-F _papi papi" \
	  || fail "sourcing the bash completion does not define a completion for papi"; \
	reply=$$(bash -c 'source "$$1"; COMP_WORDS=(papi sc); COMP_CWORD=1; COMP_LINE="papi sc"; COMP_POINT=7; _papi papi sc papi; echo "$${COMPREPLY[*]}"' \
	  bash $$root/share/bash-completion/completions/papi); \
	[ "$$reply" = score ] || fail "bash completes 'papi sc' to '$$reply', not 'score'"; \
	ok "bash completion: complete -F _papi papi, and 'papi sc' completes to 'score'"; \
	for shell in zsh fish; do \
	  file=$$root/share/$$([ $$shell = zsh ] && echo zsh/site-functions/_papi || echo fish/vendor_completions.d/papi.fish); \
	  if command -v $$shell >/dev/null 2>&1; then \
	    $$shell -n $$file || fail "$$shell -n $$file"; ok "$$shell completion: $$shell -n accepts it"; \
	  else \
	    grep -q "papi" $$file || fail "$$file does not mention papi"; ok "$$shell completion written ($$shell is not installed, not parsed)"; \
	  fi; \
	done; \
	$(MAKE) --no-print-directory uninstall PREFIX=$(CHECK_PREFIX) DESTDIR=$$dest >> $$dest.log 2>&1 \
	  || { cat $$dest.log; fail "make uninstall PREFIX=$(CHECK_PREFIX) DESTDIR=$$dest"; }; \
	left=$$(cd $$dest && find . ! -type d); \
	[ -z "$$left" ] || { echo "$$left"; fail "make uninstall left files behind"; }; \
	[ ! -e $$root/share/papi ] || fail "make uninstall left share/papi"; \
	ok "make uninstall removed every file and share/papi (only empty standard folders are left)"

# Every reader under libFuzzer with AddressSanitizer (Fuzz/README.md): first the crashers
# found so far (Fuzz/regressions/TARGET), then FUZZ_SECONDS of fuzzing from the committed
# seeds (Fuzz/corpus/TARGET) and what earlier runs added (.build/fuzz/corpus/TARGET). A
# crash, a memory error, an input taking more than 10 s or 2 GiB fails the target and
# leaves the input in .build/fuzz/findings/. `make test` fuzzes each target for 20 s.
FUZZ_SECONDS ?= 600
FUZZ_TEST_SECONDS ?= 20
FUZZ_TARGETS ?= export questionnaire targets catalogue calendar lexicon feedback workbook
FUZZ_BIN := .build/fuzz/release/papi-fuzz

# Linked by the toolchain's lld (ld.gold fails on the sanitizers' objects), named by a
# toolset file written here, beside the swift in use.
FUZZ_TOOLSET := .build/fuzz-toolset.json

fuzz-build: deps
	@mkdir -p .build
	@echo '{"schemaVersion": "1.0", "linker": {"path": "'"$$(dirname "$$(readlink -f "$$(command -v swift)")")/ld.lld"'"}}' > $(FUZZ_TOOLSET)
	swift build -c release --product papi-fuzz --build-path .build/fuzz --toolset $(FUZZ_TOOLSET) \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING

fuzz: fuzz-build
	@set -o pipefail; mkdir -p .build/fuzz/findings; export LSAN_OPTIONS=suppressions=Fuzz/lsan.supp; \
	for target in $(FUZZ_TARGETS); do \
	  mkdir -p .build/fuzz/corpus/$$target; \
	  regressions=$$(ls Fuzz/regressions/$$target/* 2>/dev/null); \
	  if [ -n "$$regressions" ]; then \
	    echo "== fuzz $$target: $$(echo $$regressions | wc -w) crashers found before"; \
	    PAPI_FUZZ_TARGET=$$target $(FUZZ_BIN) $$regressions > .build/fuzz/$$target-regressions.log 2>&1 \
	      || { tail -n 40 .build/fuzz/$$target-regressions.log; exit 1; }; \
	  fi; \
	  echo "== fuzz $$target: $(FUZZ_SECONDS) s"; \
	  PAPI_FUZZ_TARGET=$$target $(FUZZ_BIN) .build/fuzz/corpus/$$target Fuzz/corpus/$$target \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=.build/fuzz/findings/$$target- > .build/fuzz/$$target.log 2>&1 \
	    || { tail -n 40 .build/fuzz/$$target.log; echo "make: fuzz $$target found a problem (.build/fuzz/findings)"; exit 1; }; \
	  grep -E "DONE" .build/fuzz/$$target.log | tr -s ' \t' ' '; \
	done

# Style checked by tools (.swift-format, swift-format ships with the toolchain), and what
# swift-format cannot check: lines of at most 120 characters, a doc comment on every public
# type (Scripts/check-style.py). `make format` rewrites the sources in that style.
lint:
	swift-format lint --strict --recursive --parallel Sources Tests Fuzz/Sources Package.swift
	python3 Scripts/check-style.py

format:
	swift-format format --in-place --recursive --parallel Sources Tests Fuzz/Sources Package.swift

# The DocC catalog of PapiKit (Sources/PapiKit/PapiKit.docc), the architecture article first;
# a broken link fails the build.
docs:
	swift package generate-documentation --target PapiKit --warnings-as-errors
	@echo "make: documentation in .build/plugins/Swift-DocC/outputs/PapiKit.doccarchive"

# The HTML report of the samples seen in a real browser: headless Chromium (Debian's
# chromium, installed when missing) renders it to PNG, and a blank page beside it, which the
# tests compare.
screenshot: build
	@command -v chromium >/dev/null 2>&1 || { echo "make: installing chromium"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }
	@mkdir -p $(SHOTS)
	@rm -f $(SHOTS)/papi.db
	@$(PAPI) import samples/kobo-kontum-2023.csv -q questionnaires/papi-2024.yaml --wave 2023 --db $(SHOTS)/papi.db > /dev/null
	@$(PAPI) import samples/kobo-kontum-2024.csv samples/odk-quangtri-2024.csv -q questionnaires/papi-2024.yaml --wave 2024 --db $(SHOTS)/papi.db > /dev/null 2>&1
	$(PAPI) report --wave 2024 --compare 2023 --targets samples/targets.yaml --format html --out $(SHOTS)/report.html --db $(SHOTS)/papi.db
	@printf '<!DOCTYPE html><html><body></body></html>' > $(SHOTS)/blank.html
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,1500 --screenshot=$(CURDIR)/$(SHOTS)/report.png file://$(CURDIR)/$(SHOTS)/report.html 2>/dev/null
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,1500 --screenshot=$(CURDIR)/$(SHOTS)/blank.png file://$(CURDIR)/$(SHOTS)/blank.html 2>/dev/null

# Times `papi score` and `papi import` against the C/libcsv baseline of ../shared/bench on
# its generated file (BENCH_ROWS rows, made once in .bench-data/), A B A B after a warm-up.
# BENCH_AGAINST=/path/to/another/papi runs that build in the same pairs (an A/B). Then the
# workbook case: the first 100k rows as .xlsx, papi against Polars + calamine, with the tools
# it needs in a virtual environment of its own (.bench-data/venv).
BENCH_VENV = .bench-data/venv
bench: build $(BENCH_VENV)/.ready
	python3 bench/run.py --rows $(BENCH_ROWS) --pairs $(BENCH_PAIRS) $(if $(BENCH_AGAINST),--against $(BENCH_AGAINST)) \
	  --workbook $(BENCH_VENV)/bin/python

$(BENCH_VENV)/.ready:
	python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install -q xlsxwriter polars fastexcel
	touch $@

# The README's scaling table: 10k, 100k and 1M rows.
bench-scaling: build
	python3 bench/run.py --scaling

clean:
	rm -rf .build .bench-data
