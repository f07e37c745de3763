extension Message {
    /// Visits this message and every message nested in it, depth first, in declaration order.
    public func forEachMessage(_ body: (Message) throws -> Void) rethrows {
        try body(self)
        for nested in nestedMessages { try nested.forEachMessage(body) }
    }

    /// Applies `transform` to this message and every nested one, innermost first.
    public mutating func transformMessages(_ transform: (inout Message) throws -> Void) rethrows {
        for index in nestedMessages.indices { try nestedMessages[index].transformMessages(transform) }
        try transform(&self)
    }
}

extension ProtoFile {
    /// Visits every message of the file, nested ones included.
    public func forEachMessage(_ body: (Message) throws -> Void) rethrows {
        for message in messages { try message.forEachMessage(body) }
    }

    /// Visits every enum of the file, nested ones included (the file's, then each message's in the
    /// order `forEachMessage` visits them).
    public func forEachEnum(_ body: (EnumType) throws -> Void) rethrows {
        for e in enums { try body(e) }
        try Self.forEachEnum(in: messages, body)
    }

    /// Visits every extension of the file, nested ones included, in the same order.
    public func forEachExtension(_ body: (Field) throws -> Void) rethrows {
        for e in extensions { try body(e) }
        try Self.forEachExtension(in: messages, body)
    }

    /// Messages are reached through their arrays by position: visiting each message (as
    /// `forEachMessage` does) copied it whole to read one of its arrays.
    static func forEachEnum(in messages: [Message], _ body: (EnumType) throws -> Void) rethrows {
        for index in messages.indices {
            for e in messages[index].enums { try body(e) }
            try forEachEnum(in: messages[index].nestedMessages, body)
        }
    }

    static func forEachExtension(in messages: [Message], _ body: (Field) throws -> Void) rethrows {
        for index in messages.indices {
            for e in messages[index].extensions { try body(e) }
            try forEachExtension(in: messages[index].nestedMessages, body)
        }
    }

    /// Applies `transform` to every message of the file, nested ones included.
    public mutating func transformMessages(_ transform: (inout Message) throws -> Void) rethrows {
        for index in messages.indices { try messages[index].transformMessages(transform) }
    }
}

extension Schema {
    /// A copy without source locations and comments, for comparing a .proto tree with a descriptor set.
    public func strippingSourceInfo() -> Schema {
        var copy = self
        for index in copy.files.indices {
            copy.files[index].stripSourceInfo()
            copy.files[index].transformOptions { options, _ in options.stripSpans() }
        }
        return copy
    }
}

extension ProtoFile {
    mutating func stripSourceInfo() {
        comments = nil
        packageSpan = nil
        syntaxSpan = nil
        for i in imports.indices {
            imports[i].span = nil
            imports[i].comments = nil
        }
        for i in enums.indices { enums[i].stripSourceInfo() }
        for i in extensions.indices {
            extensions[i].span = nil
            extensions[i].comments = nil
        }
        for i in services.indices {
            services[i].span = nil
            services[i].comments = nil
            for m in services[i].methods.indices {
                services[i].methods[m].span = nil
                services[i].methods[m].comments = nil
            }
        }
        transformMessages { message in
            message.span = nil
            message.comments = nil
            for i in message.fields.indices {
                message.fields[i].span = nil
                message.fields[i].comments = nil
            }
            for i in message.extensions.indices {
                message.extensions[i].span = nil
                message.extensions[i].comments = nil
            }
            for i in message.oneofs.indices {
                message.oneofs[i].span = nil
                message.oneofs[i].comments = nil
            }
            for i in message.extensionRanges.indices { message.extensionRanges[i].span = nil }
            for i in message.reservedRanges.indices { message.reservedRanges[i].span = nil }
            for i in message.enums.indices { message.enums[i].stripSourceInfo() }
        }
    }
}

extension EnumType {
    mutating func stripSourceInfo() {
        span = nil
        comments = nil
        for i in values.indices {
            values[i].span = nil
            values[i].comments = nil
        }
        for i in reservedRanges.indices { reservedRanges[i].span = nil }
    }
}
