# papi: quick start is `make demo` and `make test` on a fresh machine.
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
PAPI := .build/release/papi
BENCH_ROWS ?= 1000000
BENCH_PAIRS ?= 5

SHOTS := .build/report-samples
SHARED_DATA := ../shared/data/papi-provincial-2011-2024.csv

.PHONY: deps build demo test lint format docs bench bench-scaling clean screenshot fuzz fuzz-build

# System libraries the package links: libcsv (CSV parsing) and SQLite (the store, through
# GRDB). Installed when missing.
deps:
	@missing=""; \
	[ -f /usr/include/csv.h ] || missing="$$missing libcsv-dev"; \
	[ -f /usr/include/sqlite3.h ] || missing="$$missing libsqlite3-dev"; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build -c release --product papi

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
	@if [ -f $(SHARED_DATA) ]; then $(PAPI) benchmarks load $(SHARED_DATA) --name papi-official; fi
	$(PAPI) report --wave 2024 --compare 2023 --targets samples/targets.yaml
	$(PAPI) report --wave 2024 --compare 2023 --targets samples/targets.yaml --format html --out report.html
	@echo "make: wrote report.html (open it in a browser; it prints on A4)"
	@if [ -f $(SHARED_DATA) ]; then \
	  echo; echo "== papi report: provinces from the published PAPI 2024 scores alone, top 10 and no lower than 2023"; \
	  $(PAPI) report --published papi-official --wave 2024 --targets samples/targets-provinces.yaml --unit 62; \
	fi
	@echo
	@echo "== papi feedback: petitions and survey comments by PAPI dimension, personal data masked"
	$(PAPI) feedback classify samples/petitions-2024.csv | tail -12
	$(PAPI) feedback report --wave 2024 --unit 19369
	$(PAPI) feedback report --wave 2024 --format html --out feedback.html
	@echo "make: wrote feedback.html (every unit's feedback by dimension)"
	@echo
	@echo "== papi validate: a deliberately broken export (errors expected)"
	$(PAPI) validate samples/broken/faults.csv -q questionnaires/papi-2024.yaml \
	  || echo "make: papi validate exited $$? on this broken file, as it should"
	$(PAPI) validate samples/broken/cp1258-undeclared.csv -q questionnaires/papi-2024.yaml \
	  || echo "make: papi validate exited $$? on this broken file, as it should"
	$(PAPI) validate samples/broken/cp1258-undeclared.csv -q questionnaires/papi-2024.yaml --encoding cp1258
	@echo
	@echo "== papi plan: the 2023 flags became actions in January 2024; the 2024 survey re-measures them"
	$(PAPI) plan --wave 2023 --targets samples/targets.yaml --start 2024-01-08 --by "Sở Nội vụ" | head -1
	@id=$$($(PAPI) actions list --wave 2023 --unit 23491 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["actions"][0]["id"])'); \
	  set -x; \
	  $(PAPI) actions update $$id --status in_progress --note "Đã họp dân ở 4 thôn" --by "UBND xã Đắk Pnê"; \
	  $(PAPI) actions update $$id --status done --note "Hoàn thành, có biên bản" --by "UBND xã Đắk Pnê"; \
	  $(PAPI) actions history $$id
	$(PAPI) actions list --wave 2023 --unit 23491 --today 2024-12-31 --lang en
	@echo
	@echo "== papi plan: the improvement plan of wave 2024, deadlines from 6 January 2025 (document and register)"
	$(PAPI) plan --wave 2024 --targets samples/targets.yaml --start 2025-01-06 --today 2025-02-28 --by "Sở Nội vụ" | head -1
	$(PAPI) plan --wave 2024 --targets samples/targets.yaml --start 2025-01-06 --today 2025-02-28 --format md --out plan.md
	$(PAPI) plan --wave 2024 --targets samples/targets.yaml --start 2025-01-06 --today 2025-02-28 --format html --out plan.html
	$(PAPI) actions list --wave 2024 --today 2025-02-28 --format csv --excel --out actions.csv
	@echo "make: wrote plan.md and plan.html (the plan; section III is the view by lead office) and actions.csv (the register, for Excel)"
	@echo
	@echo "== papi actions: what Phòng Tư pháp has to do, and every overdue action of wave 2024 as of 28/02/2025"
	$(PAPI) actions list --wave 2024 --agency "tư pháp" --today 2025-02-28
	$(PAPI) actions list --wave 2024 --overdue --today 2025-02-28

test: deps lint screenshot docs
	swift test
	$(MAKE) fuzz FUZZ_SECONDS=$(FUZZ_TEST_SECONDS)

# Every reader under libFuzzer with AddressSanitizer (Fuzz/README.md): first the crashers
# found so far (Fuzz/regressions/TARGET), then FUZZ_SECONDS of fuzzing from the committed
# seeds (Fuzz/corpus/TARGET) and what earlier runs added (.build/fuzz/corpus/TARGET). A
# crash, a memory error, an input taking more than 10 s or 2 GiB fails the target and
# leaves the input in .build/fuzz/findings/. `make test` fuzzes each target for 20 s.
FUZZ_SECONDS ?= 600
FUZZ_TEST_SECONDS ?= 20
FUZZ_TARGETS ?= export questionnaire targets catalogue calendar lexicon feedback
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
# BENCH_AGAINST=/path/to/another/papi runs that build in the same pairs (an A/B).
bench: build
	python3 bench/run.py --rows $(BENCH_ROWS) --pairs $(BENCH_PAIRS) $(if $(BENCH_AGAINST),--against $(BENCH_AGAINST))

# The README's scaling table: 10k, 100k and 1M rows.
bench-scaling: build
	python3 bench/run.py --scaling

clean:
	rm -rf .build .bench-data
