import SchemaSources
import Testing

/// PEP 440 versions and ranges, Requires-Dist lines, and the scan of Python code for protocol types.
struct EnvironmentTests {
    func v(_ text: String) -> PythonVersion { PythonVersion(text)! }

    @Test func versionsOrderAsPEP440Says() {
        #expect(v("1.0") == v("1.0.0"))
        #expect(v("1.0.0rc1") < v("1.0.0"))
        #expect(v("1.0.0.dev1") < v("1.0.0a1"))
        #expect(v("1.0.0") < v("1.0.0.post1"))
        #expect(v("1.1.9") < v("1.1.10"))
        #expect(PythonVersion("one") == nil)
    }

    @Test func rangesHoldWhatTheySay() throws {
        let range = try #require(VersionSpecifier("(<2,>=1.1.27)"))
        #expect(range.contains(v("1.1.27")) && range.contains(v("1.9")) && !range.contains(v("2.0")) && !range.contains(v("1.0.0")))
        #expect(!range.contains(v("1.2.0rc1")))  // pre-releases only when asked for
        let compatible = try #require(VersionSpecifier("~=1.0"))
        #expect(compatible.contains(v("1.5")) && !compatible.contains(v("2.0")))
        let patch = try #require(VersionSpecifier("~=1.0.3"))
        #expect(patch.contains(v("1.0.9")) && !patch.contains(v("1.1.0")))
        let wildcard = try #require(VersionSpecifier("==1.0.*"))
        #expect(wildcard.contains(v("1.0.7")) && !wildcard.contains(v("1.1")))
        #expect(VersionSpecifier("")?.contains(v("9")) == true)
        #expect(VersionSpecifier("=>1") == nil)
    }

    @Test func looseRangesSpanMinorReleases() {
        #expect(VersionSpecifier("~=1.0")!.isLoose)
        #expect(VersionSpecifier("<2,>=1.0")!.isLoose)
        #expect(VersionSpecifier(">=1.0")!.isLoose)
        #expect(VersionSpecifier("")!.isLoose)
        #expect(!VersionSpecifier("~=1.0.3")!.isLoose)
        #expect(!VersionSpecifier("==1.0.7")!.isLoose)
        #expect(!VersionSpecifier(">=1.0.2,<1.1")!.isLoose)
        #expect(!VersionSpecifier("==1.0.*")!.isLoose)
    }

    @Test func metadataHeadersAreRead() {
        let metadata = """
            Metadata-Version: 2.1
            Name: livekit_agents
            Version: 1.8.9
            Requires-Dist: livekit-protocol<2,>=1.1.28
            Requires-Dist: Livekit_API (>=1.0) ; extra == "api"
            Requires-Dist: aiohttp[speedups]~=3.10

            Requires-Dist: not-a-header-in-the-body
            """
        let dist = InstalledDistributions.parse(metadata: metadata, distInfo: "x.dist-info")
        #expect(dist.normalizedName == "livekit-agents" && dist.version == "1.8.9")
        #expect(dist.requires.map(\.name) == ["livekit-protocol", "livekit-api", "aiohttp"])
        #expect(dist.requires[1].marker == "extra == \"api\"")
        #expect(dist.requires[2].specifier.description == "~=3.10")
    }

    @Test func usedTypesAreFoundThroughEveryImportForm() {
        let source = """
            from livekit.protocol import room as proto_room, models
            from livekit.protocol.sip import (
                CreateSIPParticipantRequest,
                SIPDispatchRule as Rule,  # aliased
            )
            from livekit import protocol
            import livekit.protocol.egress
            from livekit.rtc import Room

            def f(x: proto_room.CreateRoomRequest) -> models.ParticipantInfo:
                protocol.webhook.WebhookEvent()
                livekit.protocol.egress.EgressInfo
                Room()  # livekit.rtc, not the protocol
                proto_room.logger  # not a type
            """
        let names = ProtocolUsageScanner.names(in: source, package: "livekit.protocol")
        #expect(names == ["CreateRoomRequest", "ParticipantInfo", "CreateSIPParticipantRequest", "SIPDispatchRule", "WebhookEvent", "EgressInfo"])
        #expect(ProtocolUsageScanner.names(in: "import os\nos.Path", package: "livekit.protocol").isEmpty)
    }
}
