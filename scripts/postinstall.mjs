// Temporary: replaced by the Electron shell work.
