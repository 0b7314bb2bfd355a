// The floor `archc validate` is measured against: a Node process that only loads the YAML parser and ajv.
await import('yaml');
await import('ajv');
