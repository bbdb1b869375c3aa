/** JSON at the platform's edges: one configured Jackson mapper ({@link io.marketintel.runtime.json.Json}). */
package io.marketintel.runtime.json;
