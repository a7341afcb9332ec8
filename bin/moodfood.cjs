#!/usr/bin/env node
require("../dist/moodfood.cjs");
