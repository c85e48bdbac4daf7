# papi: quick start is `make demo` and `make test` on a fresh machine.
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
PAPI := .build/release/papi
BENCH_ROWS ?= 100000
BENCH_PAIRS ?= 5

.PHONY: deps build demo test bench clean

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
	@echo "== papi validate: a deliberately broken export (errors expected)"
	-$(PAPI) validate samples/broken/faults.csv -q questionnaires/papi-2024.yaml
	-$(PAPI) validate samples/broken/cp1258-undeclared.csv -q questionnaires/papi-2024.yaml
	$(PAPI) validate samples/broken/cp1258-undeclared.csv -q questionnaires/papi-2024.yaml --encoding cp1258

test: deps
	swift test

# Times `papi score` against the C/libcsv baseline on generated data (BENCH_ROWS rows).
bench: build
	python3 bench/run.py --rows $(BENCH_ROWS) --pairs $(BENCH_PAIRS)

clean:
	rm -rf .build .bench-data
