#!/usr/bin/env node
import "../dist/moodfood.js";
